package io.tallycast.replay;

import java.nio.file.Path;

/**
 * How to run the replay site.
 *
 * @param host      interface to listen on
 * @param port      TCP port; 0 takes any free port (see {@link ReplaySite#port()})
 * @param speed     simulated seconds per wall-clock second
 * @param seed      makes the counting trajectories; the same seed gives the same pages at the same simulated time
 * @param prefix    URL folder of the results pages, like ECI's per-election prefix; starts and ends with '/' (ECI's
 *                  2026 one is {@link #ECI_2026_PREFIX})
 * @param stateFile where the clock is kept across restarts, or null to start from 08:00 every time
 * @param minDwellMillis wall milliseconds each recorded moment of a real day stays on the site at least (0 = none);
 *                  see {@link Pacing}
 */
public record ReplayOptions(String host, int port, double speed, long seed, String prefix, Path stateFile,
                            long minDwellMillis) {
  /**
   * The default folder. It stays the 2021 one while {@code examples/west-bengal.yaml} (and the README) point a served
   * election at {@code http://127.0.0.1:8090/AcResultGen2021/} of a {@code replay-site}; the pages themselves are
   * those of 2026 under either prefix.
   */
  public static final String DEFAULT_PREFIX = "/AcResultGen2021/";
  /** ECI's folder of the 2026 assembly results: {@code results.eci.gov.in/ResultAcGenMay2026/}. */
  public static final String ECI_2026_PREFIX = "/ResultAcGenMay2026/";

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
    if (minDwellMillis < 0) {
      throw new IllegalArgumentException("minimum dwell " + minDwellMillis + " ms is negative");
    }
    if (prefix.startsWith("/_replay/")) {
      throw new IllegalArgumentException("prefix " + prefix + " collides with the replay control API");
    }
  }

  public ReplayOptions(String host, int port, double speed, long seed, String prefix, Path stateFile) {
    this(host, port, speed, seed, prefix, stateFile, 0);
  }

  public static ReplayOptions defaults() {
    return new ReplayOptions("127.0.0.1", 0, 1.0, 2021L, DEFAULT_PREFIX, null, 0);
  }

  public ReplayOptions withHost(String value) {
    return new ReplayOptions(value, port, speed, seed, prefix, stateFile, minDwellMillis);
  }

  public ReplayOptions withPort(int value) {
    return new ReplayOptions(host, value, speed, seed, prefix, stateFile, minDwellMillis);
  }

  public ReplayOptions withSpeed(double value) {
    return new ReplayOptions(host, port, value, seed, prefix, stateFile, minDwellMillis);
  }

  public ReplayOptions withSeed(long value) {
    return new ReplayOptions(host, port, speed, value, prefix, stateFile, minDwellMillis);
  }

  public ReplayOptions withPrefix(String value) {
    return new ReplayOptions(host, port, speed, seed, value, stateFile, minDwellMillis);
  }

  public ReplayOptions withMinDwellMillis(long value) {
    return new ReplayOptions(host, port, speed, seed, prefix, stateFile, value);
  }

  public ReplayOptions withStateFile(Path value) {
    return new ReplayOptions(host, port, speed, seed, prefix, value, minDwellMillis);
  }
}
