package io.tallycast.stream;

import io.tallycast.stream.output.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

}
