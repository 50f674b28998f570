package io.tallycast.replay;

import java.nio.file.Path;

/**
 * How to run the replay site.
 *
 * @param host      interface to listen on
 * @param port      TCP port; 0 takes any free port (see {@link ReplaySite#port()})
 * @param speed     simulated seconds per wall-clock second
 * @param seed      makes the counting trajectories; the same seed gives the same pages at the same simulated time
 * @param prefix    URL folder of the results pages, like ECI's per-election prefix; starts and ends with '/'
 * @param stateFile where the clock is kept across restarts, or null to start from 08:00 every time
 */
public record ReplayOptions(String host, int port, double speed, long seed, String prefix, Path stateFile) {
  public static final String DEFAULT_PREFIX = "/AcResultGen2021/";

  public ReplayOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("replay host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("replay port " + port + " is not 0..65535");
    }
    ReplayClock.checkSpeed(speed);
    if (prefix == null || prefix.isBlank()) {
      prefix = DEFAULT_PREFIX;
    }
    // one canonical form, so routes and base URLs are built the same way everywhere
    if (!prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    if (prefix.startsWith("/_replay/")) {
      throw new IllegalArgumentException("prefix " + prefix + " collides with the replay control API");
    }
  }

  public static ReplayOptions defaults() {
    return new ReplayOptions("127.0.0.1", 0, 1.0, 2021L, DEFAULT_PREFIX, null);
  }

  public ReplayOptions withHost(String value) {
    return new ReplayOptions(value, port, speed, seed, prefix, stateFile);
  }

  public ReplayOptions withPort(int value) {
    return new ReplayOptions(host, value, speed, seed, prefix, stateFile);
  }

  public ReplayOptions withSpeed(double value) {
    return new ReplayOptions(host, port, value, seed, prefix, stateFile);
  }

  public ReplayOptions withSeed(long value) {
    return new ReplayOptions(host, port, speed, value, prefix, stateFile);
  }

  public ReplayOptions withPrefix(String value) {
    return new ReplayOptions(host, port, speed, seed, value, stateFile);
  }

  public ReplayOptions withStateFile(Path value) {
    return new ReplayOptions(host, port, speed, seed, prefix, value);
  }
}
