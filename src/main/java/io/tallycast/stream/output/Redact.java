package io.tallycast.stream.output;

import java.net.URI;
import java.util.Locale;

/**
 * Shows a destination without its secret: an ingest URL's last path segment is the stream key (YouTube, Twitch, most
 * RTMP servers), and user info or a query can carry credentials too. Everything that prints, logs or returns a
 * destination goes through here.
 */
public final class Redact {
  static final String MASK = "****";

  private Redact() {
  }

  public static String url(String target) {
    if (target == null) {
      return null;
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (!lower.contains("://") || lower.startsWith("file:")) {
      return target; // a local path: nothing secret in it
    }
    try {
      URI uri = URI.create(target);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "?" : uri.getHost();
      int port = uri.getPort();
      boolean defaultPort = port < 0 || (scheme.equals("rtmp") && port == 1935)
          || (scheme.equals("rtmps") && port == 443);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      int slash = path.lastIndexOf('/');
      String app = slash > 0 ? path.substring(0, slash) : "";
      return scheme + "://" + host + (defaultPort ? "" : ":" + port) + app + "/" + MASK;
    } catch (RuntimeException e) {
      // not parseable: keep only the scheme, never the rest
      return target.substring(0, lower.indexOf("://") + 3) + MASK;
    }
  }

  /** Removes a secret from free text (FFmpeg error strings can echo the URL). */
  public static String text(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MASK);
  }
}
