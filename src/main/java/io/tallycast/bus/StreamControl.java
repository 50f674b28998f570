package io.tallycast.bus;

/**
 * Start or stop one channel's stream; answered with its {@link StreamStatus}.
 *
 * @param channel the channel's name; null is the first channel (the engine's one stream before there were several)
 */
public record StreamControl(Action action, String channel) {
  /** The refusal code of a run without a stream: nothing to start or stop (the console shows it as 409). */
  public static final int NO_STREAM = 410;

  public enum Action {
    START, STOP
  }

  /** The first channel. */
  public StreamControl(Action action) {
    this(action, null);
  }
}
