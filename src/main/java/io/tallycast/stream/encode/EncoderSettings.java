package io.tallycast.stream.encode;

/**
 * What the video encoder is asked for: the picture (size, rate), the bitrate (a ceiling, or constant with {@code cbr})
 * and the libx264 preset. The GOP is fixed at 2 s, YouTube's keyframe interval.
 *
 * @param crf the quality kept when not {@code cbr}: x264's constant rate factor, under the bitrate as a ceiling. A
 *            still overlay then costs few bits and little CPU instead of being polished to fill the bitrate
 */
public record EncoderSettings(int width, int height, int fps, long bitrate, boolean cbr, String preset, double crf) {
  public static final int GOP_SECONDS = 2;
  /** Sharp text on a broadcast graphic: visually lossless at 1080p, well under 4.5 Mbit/s for a still overlay. */
  public static final double CRF = 20;

  public EncoderSettings(int width, int height, int fps, long bitrate, boolean cbr, String preset) {
    this(width, height, fps, bitrate, cbr, preset, CRF);
  }

  public int gop() {
    return fps * GOP_SECONDS;
  }

  public EncoderSettings withPreset(String p) {
    return new EncoderSettings(width, height, fps, bitrate, cbr, p, crf);
  }
}
