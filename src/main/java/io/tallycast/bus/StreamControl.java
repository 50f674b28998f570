package io.tallycast.bus;

/** Start or stop the stream; answered with its {@link StreamStatus}. */
public record StreamControl(Action action) {
  public enum Action {
    START, STOP
  }
}
