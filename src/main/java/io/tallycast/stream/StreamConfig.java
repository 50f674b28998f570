package io.tallycast.stream;

import io.tallycast.stream.encode.EncoderSettings;
import io.tallycast.stream.output.Destination;
import io.tallycast.stream.output.OutputSettings;
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
 * @param rwTimeout   the stall limit: a write to an ingest that takes nothing for this long fails the connection
 * @param backoffBase the first reconnect delay (each waits between half and all of its step, for jitter)
 * @param backoffMax  the cap on a reconnect delay: a returning ingest is live again within about this
 * @param pictureStaleAfter a picture on air unchanged for longer makes the stream DEGRADED (the overlay has a
 *                    running clock, so an unchanged picture means a frozen page)
 * @param dropWindow  the window over which recent dropped and repeated frames are counted for health
 */
public record StreamConfig(int width, int height, int fps, long bitrate, boolean cbr, String preset,
                           List<Destination> destinations, long maxFrames, Duration startTimeout, Duration rwTimeout,
                           Duration backoffBase, Duration backoffMax, int queuePackets, Duration pictureStaleAfter,
                           Duration dropWindow) {
  public static final int AUDIO_RATE = 48_000;
  public static final int AUDIO_CHANNELS = 2;
  public static final int GOP_SECONDS = EncoderSettings.GOP_SECONDS;

  public StreamConfig {
    new StreamSettings.Size(width, height); // the one check of a size
    StreamSettings.checkFps(fps);
    destinations = List.copyOf(destinations);
  }

  /** The picture of {@link StreamDefaults} (size, fps, bitrate, preset) with the timeouts and limits below. */
  public static StreamConfig defaults(List<Destination> destinations) {
    StreamSettings.Size size = StreamSettings.Size.parse(StreamDefaults.SIZE);
    return new StreamConfig(size.width(), size.height(), Integer.parseInt(StreamDefaults.FPS),
        StreamOptions.parseBitrate(StreamDefaults.BITRATE), false, StreamDefaults.PRESET, destinations, 0,
        Duration.ofSeconds(10),
        Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5), 600, Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /**
   * Frames dropped within {@link #dropWindow()} beyond which health is DEGRADED: more than a second's worth is a hole
   * viewers saw.
   */
  public int dropBurst() {
    return fps;
  }

  /**
   * The socket send buffer asked for a network destination: a quarter second at the configured bitrate (at least
   * 32 KB). The kernel's default grows to megabytes, which a stalled peer's connection goes on swallowing for many
   * seconds before a write blocks; this keeps room for the bandwidth-delay product of a far ingest and no more.
   */
  public int sendBufferBytes() {
    return (int) Math.max(32 * 1024, Math.min(4L << 20, bitrate / 8 / 4));
  }

  public int gop() {
    return encoder().gop();
  }

  /** What the encoder is asked for. */
  public EncoderSettings encoder() {
    return new EncoderSettings(width, height, fps, bitrate, cbr, preset);
  }

  /** How every destination is kept. */
  public OutputSettings output() {
    return new OutputSettings(fps, startTimeout, rwTimeout, backoffBase, backoffMax, queuePackets, sendBufferBytes());
  }

  public StreamConfig withSize(int w, int h) {
    return new StreamConfig(w, h, fps, bitrate, cbr, preset, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withFps(int f) {
    return new StreamConfig(width, height, f, bitrate, cbr, preset, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withBitrate(long bps, boolean constant) {
    return new StreamConfig(width, height, fps, bps, constant, preset, destinations, maxFrames, startTimeout,
        rwTimeout, backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withPreset(String p) {
    return new StreamConfig(width, height, fps, bitrate, cbr, p, destinations, maxFrames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withDuration(Duration duration) {
    long frames = duration == null ? 0 : Math.round(duration.toMillis() * fps / 1000.0);
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, frames, startTimeout, rwTimeout,
        backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withBackoff(Duration base, Duration max) {
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, maxFrames, startTimeout,
        rwTimeout, base, max, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withTimeouts(Duration start, Duration rw) {
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, maxFrames, start, rw,
        backoffBase, backoffMax, queuePackets, pictureStaleAfter, dropWindow);
  }

  public StreamConfig withHealthLimits(Duration stale, Duration window) {
    return new StreamConfig(width, height, fps, bitrate, cbr, preset, destinations, maxFrames, startTimeout,
        rwTimeout, backoffBase, backoffMax, queuePackets, stale, window);
  }
}
