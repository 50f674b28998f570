package io.tallycast.web;

/** Where the API listens. */
public record WebConfig(String host, int port) {
  public static WebConfig on(int port) {
    return new WebConfig("0.0.0.0", port);
  }
}
