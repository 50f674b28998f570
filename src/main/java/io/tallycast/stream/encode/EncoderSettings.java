package io.tallycast.stream.encode;

/**
 * What the video encoder is asked for: the picture (size, rate), the bitrate (a ceiling, or constant with {@code cbr})
 * and the libx264 preset. The GOP is fixed at 2 s, YouTube's keyframe interval.
 */
public record EncoderSettings(int width, int height, int fps, long bitrate, boolean cbr, String preset) {
  public static final int GOP_SECONDS = 2;

  public int gop() {
    return fps * GOP_SECONDS;
  }
}
