package io.tallycast.stream;

import io.tallycast.stream.output.RecordingPolicy;

/**
 * The stream's defaults, written once: the flags of demo and stream take them as picocli defaults (and show them in
 * their help), {@link StreamSettings#parse} gives them to a key the YAML of serve leaves out, and
 * {@link StreamConfig#defaults} starts from them. Strings, as people write them, so picocli can use them.
 */
public final class StreamDefaults {
  /** The overlay's full size; 1280x720 is its smaller variant. */
  public static final String SIZE = "1920x1080";
  public static final String FPS = "30";
  /** Video bitrate: YouTube's recommendation for 1080p30. */
  public static final String BITRATE = "4500k";
  /** Recording segment length. */
  public static final String SEGMENT = "10m";
  /**
   * libx264 preset. The overlay is flat graphics and text crawling by whole pixels: the fastest preset (with CABAC
   * and 8x8 transforms kept, see VideoEncoder) keeps it sharp at a quality target, spending bits (1.7 of the 4.5
   * Mbit/s at 1080p) rather than the CPU that veryfast would take (0.65 core for the whole machine instead of 0.53).
   */
  public static final String PRESET = "ultrafast";
  /** Free space the recording leaves on its disk. */
  public static final String DISK_FLOOR = RecordingPolicy.DEFAULT_FLOOR;
  /** Finished segments older than this are deleted. */
  public static final String KEEP_RECORDINGS = RecordingPolicy.DEFAULT_KEEP;

  private StreamDefaults() {
  }
}
