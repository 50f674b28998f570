package io.tallycast.bus;

/** Start or stop the stream; answered with its {@link StreamStatus}. */
public record StreamControl(Action action) {
  /** The refusal code of a run without a stream: nothing to start or stop (the console shows it as 409). */
  public static final int NO_STREAM = 410;

  public enum Action {
    START, STOP
  }
}
