package io.tallycast.bus;

/**
 * Which stream channel a question is about (its preview).
 *
 * @param name the channel's name; null is the first channel
 */
public record StreamChannel(String name) {
  /** The first channel. */
  public static final StreamChannel FIRST = new StreamChannel(null);
}
