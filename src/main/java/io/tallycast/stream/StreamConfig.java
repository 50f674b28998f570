package io.tallycast.stream;

import java.time.Duration;
import java.util.List;

/**
 * What the encoder makes and where it sends it. The GOP is fixed at 2 s (YouTube's keyframe interval); audio is a
 * silent AAC stereo track at 48 kHz because YouTube refuses a stream without audio.
 *
 * @param bitrate     video bits per second (the ceiling, or the constant rate with {@code cbr})
 * @param cbr         constant bitrate (nal-hrd=cbr, minrate = maxrate = bitrate, 2 s buffer): a calm overlay would
 *                    otherwise encode far below the ingest's expected rate
 * @param maxFrames   stop after this many output frames (0 = run until stopped): an exact duration
 * @param startTimeout the bound on one connection's open and header write
 */
public record StreamConfig(int width, int height, int fps, long bitrate, boolean cbr, String preset,
                           List<Destination> destinations, long maxFrames, Duration startTimeout, Duration rwTimeout,
                           Duration backoffBase, Duration backoffMax, int queuePackets) {
  public static final int AUDIO_RATE = 48_000;
  public static final int AUDIO_CHANNELS = 2;
  public static final int GOP_SECONDS = 2;

  public StreamConfig {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("the size must be even and positive: " + width + "x" + height);
    }
    if (fps <= 0 || fps > 120) {
      throw new IllegalArgumentException("fps must be 1-120: " + fps);
    }
    destinations = List.copyOf(destinations);
  }

  public static StreamConfig defaults(List<Destination> destinations) {
    return new StreamConfig(1920, 1080, 30, 4_500_000, false, "veryfast", destinations, 0, Duration.ofSeconds(10),
        Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30), 600);
  }

  public int gop() {
    return fps * GOP_SECONDS;
  }

  public StreamConfig withSize(int w, int h) {
    return new StreamConfig(w, h, fps, bitrate, cbr, preset, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets);
  }

  public StreamConfig withFps(int f) {
    return new StreamConfig(width, height, f, bitrate, cbr, preset, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets);
  }

  public StreamConfig withBitrate(long bps, boolean constant) {
    return new StreamConfig(width, height, fps, bps, constant, preset, destinations, maxFrames, startTimeout,
        rwTimeout, backoffBase, backoffMax, queuePackets);
  }

  public StreamConfig withPreset(String p) {
    return new StreamConfig(width, height, fps, bitrate, cbr, p, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets);
  }

  public StreamConfig withDuration(Duration duration) {
    long frames = duration == null ? 0 : Math.round(duration.toMillis() * fps / 1000.0);
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, frames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets);
  }

  public StreamConfig withBackoff(Duration base, Duration max) {
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, maxFrames, startTimeout,
        rwTimeout, base, max, queuePackets);
  }

  public StreamConfig withTimeouts(Duration start, Duration rw) {
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, maxFrames, start, rw,
        backoffBase, backoffMax, queuePackets);
  }
}
