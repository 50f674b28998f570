package io.tallycast.stream;

import io.tallycast.stream.output.Destination;
import io.tallycast.stream.output.RecordingPolicy;
import io.tallycast.util.Quantities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The stream as it is set, whichever way it was set: the flags of {@code demo} and {@code stream} (one picocli mixin)
 * or the {@code stream:} section of {@code serve}'s YAML. The picture (size, fps, bitrate, constant bitrate), the
 * recording's segment length and its disk policy, parsed and validated here only; what is not given takes
 * {@link StreamDefaults}. Where the stream goes (recording path, ingests, YouTube) is each front end's own.
 *
 * @param bitrate video bits per second
 */
public record StreamSettings(Size size, int fps, long bitrate, boolean cbr, Duration segment,
                             RecordingPolicy recording) {

  /** A picture size, even and positive: 1920x1080, 1280x720. */
  public record Size(int width, int height) {
    public Size {
      if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
        throw new IllegalArgumentException("the size must be even and positive: " + width + "x" + height);
      }
    }

    /** WIDTHxHEIGHT. */
    public static Size parse(String text) {
      String[] parts = text.toLowerCase(Locale.ROOT).split("x");
      try {
        if (parts.length == 2) {
          return new Size(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new IllegalArgumentException("--size is WIDTHxHEIGHT, e.g. " + StreamDefaults.SIZE + ": " + text);
    }

    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  public StreamSettings {
    checkFps(fps);
    if (bitrate <= 0) {
      throw new IllegalArgumentException("the bitrate must be above 0, e.g. " + StreamDefaults.BITRATE + ": "
          + bitrate);
    }
    if (segment.isNegative() || segment.isZero()) {
      throw new IllegalArgumentException("the segment must be longer than 0, e.g. " + StreamDefaults.SEGMENT);
    }
  }

  /** A frame rate the encoder takes: 1 to 120. */
  static void checkFps(int fps) {
    if (fps <= 0 || fps > 120) {
      throw new IllegalArgumentException("fps must be 1-120: " + fps);
    }
  }

  /** Every setting at its default. */
  public static StreamSettings defaults() {
    return parse(null, null, null, false, null, null, null, null);
  }

  /**
   * The settings as people write them (1920x1080, 30, 4500k, 10m, 1G or 5%, 24h, 50G); null, a key the YAML leaves
   * out, takes the default of {@link StreamDefaults}.
   */
  public static StreamSettings parse(String size, Integer fps, String bitrate, boolean cbr, String segment,
                                     String diskFloor, String keepRecordings, String keepRecordingsSize) {
    return new StreamSettings(Size.parse(or(size, StreamDefaults.SIZE)),
        fps == null ? Integer.parseInt(StreamDefaults.FPS) : fps,
        parseBitrate(or(bitrate, StreamDefaults.BITRATE)), cbr,
        Quantities.parseDuration(or(segment, StreamDefaults.SEGMENT)),
        RecordingPolicy.parse(or(diskFloor, StreamDefaults.DISK_FLOOR),
            or(keepRecordings, StreamDefaults.KEEP_RECORDINGS), keepRecordingsSize));
  }

  /** A recording at this path (name.mkv, cut into name-000.mkv ...), in segments of this length, under this policy. */
  public Destination recordingAt(Path file) {
    return Destination.recording(file, segment, recording);
  }

  /** An rtmp:// or rtmps:// ingest, or a recording path, as {@code stream --out} takes it. */
  public Destination out(String urlOrFile) {
    return Destination.parse(urlOrFile, segment, recording);
  }

  /** What the encoder makes, sent to these destinations. */
  public StreamConfig config(List<Destination> destinations) {
    return StreamConfig.defaults(destinations).withSize(size.width(), size.height()).withFps(fps)
        .withBitrate(bitrate, cbr);
  }

  private static long parseBitrate(String text) {
    try {
      return StreamOptions.parseBitrate(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a bitrate like " + StreamDefaults.BITRATE + " or 6M: " + text);
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
