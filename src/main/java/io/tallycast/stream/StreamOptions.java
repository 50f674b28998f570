package io.tallycast.stream;

import io.tallycast.stream.output.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How people write the parts of stream settings (4500k, 10m, 1G) and where a YouTube key may come from; the settings
 * themselves are parsed and defaulted in {@link StreamSettings}.
 */
public final class StreamOptions {
  /** YouTube's RTMPS ingest, without the key. */
  public static final String YOUTUBE_INGEST = "rtmps://a.rtmps.youtube.com:443/live2";

  private StreamOptions() {
  }

  /** YouTube, when a key is in the file or in YOUTUBE_STREAM_KEY (never on the command line). */
  public static java.util.Optional<Destination> youtube(Path keyFile, String ingestBase) throws IOException {
    String key = keyFile != null ? Files.readString(keyFile).strip() : System.getenv("YOUTUBE_STREAM_KEY");
    if (key != null && !key.isBlank()) {
      String ingest = ingestBase.endsWith("/") ? ingestBase : ingestBase + "/";
      return java.util.Optional.of(Destination.ingest(ingest + key.strip()));
    }
    if (keyFile != null) {
      throw new IllegalArgumentException(keyFile + " is empty: it should hold the YouTube stream key");
    }
    return java.util.Optional.empty();
  }

  public static long parseBitrate(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    double factor = t.endsWith("k") ? 1e3 : t.endsWith("m") ? 1e6 : 1;
    String number = factor == 1 ? t : t.substring(0, t.length() - 1);
    return Math.round(Double.parseDouble(number) * factor);
  }

  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    char unit = t.charAt(t.length() - 1);
    String number = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
    double value = Double.parseDouble(number);
    double seconds = switch (unit) {
      case 'h' -> value * 3600;
      case 'm' -> value * 60;
      case 's' -> value;
      default -> {
        if (Character.isDigit(unit)) {
          yield value;
        }
        throw new IllegalArgumentException("a duration like 60s, 10m or 2h: " + text);
      }
    };
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** A size as people write it, in binary units: 1G, 500M, 1.5g, 2048k, or plain bytes. */
  public static long parseBytes(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("b") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
      t = t.substring(0, t.length() - 1); // "1GB" as "1G"
    }
    char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    long factor = switch (unit) {
      case 't' -> 1L << 40;
      case 'g' -> 1L << 30;
      case 'm' -> 1L << 20;
      case 'k' -> 1L << 10;
      default -> 1;
    };
    String number = factor == 1 ? t : t.substring(0, t.length() - 1);
    try {
      return Math.round(Double.parseDouble(number.strip()) * factor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a size like 1G, 500M or 50G: " + text);
    }
  }

  /** A duration as {@link #parseDuration} reads it: 24h, 90m, 45s. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : d.toMillis() % 1000 == 0 ? s + "s"
        : d.toMillis() + "ms";
  }
}
