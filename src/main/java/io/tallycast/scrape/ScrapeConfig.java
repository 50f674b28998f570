package io.tallycast.scrape;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Where and how politely to poll a results site.
 *
 * @param baseUrl          folder of the results pages, ending in '/', e.g. https://results.eci.gov.in/ResultAcGenMay2026/
 * @param stateCode        ECI's state code in page names (West Bengal: S25 -> statewiseS251.htm,
 *                         ConstituencywiseS2512.htm)
 * @param listPages        how many state-wise list pages to start with; more are found from their pagination links
 * @param interval         time between the start of two cycles when all is well
 * @param requestTimeout   a request that takes longer is a failure (the site is down or the fault is "timeout")
 * @param slowThreshold    a request slower than this is logged as slow
 * @param concurrency      requests in flight at once, at most (be a polite client)
 * @param maxBackoff       the longest wait between cycles while the site keeps failing
 * @param allowedHosts     hosts the scraper may contact; any other URL is refused before a request is made
 * @param liveJson         read the site's live JSON first each cycle (where it serves one) to learn which leads changed
 * @param partyCheck       compare the site's party-wise summary with what we stored, each cycle
 * @param staleAfter       a seat whose data was last read longer ago than this is stale in health; null = the default
 *                         ({@link #staleAfter()})
 */
public record ScrapeConfig(String baseUrl, String stateCode, int listPages, Duration interval, Duration requestTimeout,
                           Duration slowThreshold, int concurrency, Duration maxBackoff, Set<String> allowedHosts,
                           boolean liveJson, boolean partyCheck, Duration staleAfter) {
  /** A results page is well under a megabyte: past this a page is not read (a 50 MB answer took 2 GB of memory). */
  public static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

  public ScrapeConfig(String baseUrl, String stateCode, int listPages, Duration interval, Duration requestTimeout,
                      Duration slowThreshold, int concurrency, Duration maxBackoff, Set<String> allowedHosts) {
    this(baseUrl, stateCode, listPages, interval, requestTimeout, slowThreshold, concurrency, maxBackoff, allowedHosts,
        true, true, null);
  }

  public ScrapeConfig {
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("scrape concurrency must be at least 1");
    }
    if (allowedHosts == null || allowedHosts.isEmpty()) {
      allowedHosts = Set.of(URI.create(baseUrl).getHost());
    }
    if (staleAfter != null && (staleAfter.isNegative() || staleAfter.isZero())) {
      throw new IllegalArgumentException("staleAfter must be positive");
    }
  }

  /**
   * How old a seat's data may get before health calls it stale: as configured, else three intervals but never less
   * than two request timeouts (a good cycle may wait that long on a slow page without any seat being left behind).
   */
  @Override
  public Duration staleAfter() {
    if (staleAfter != null) {
      return staleAfter;
    }
    Duration intervals = interval.multipliedBy(3);
    Duration timeouts = requestTimeout.multipliedBy(2);
    return intervals.compareTo(timeouts) >= 0 ? intervals : timeouts;
  }

  /** Defaults for a site at baseUrl: 20 s between cycles, 5 s timeout, 6 requests at once, back off up to 2 min. */
  public static ScrapeConfig forSite(String baseUrl, String stateCode) {
    return new ScrapeConfig(baseUrl, stateCode, 1, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(2),
        6, Duration.ofMinutes(2), Set.of());
  }

  public ScrapeConfig withInterval(Duration value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, value, requestTimeout, slowThreshold, concurrency,
        maxBackoff, allowedHosts, liveJson, partyCheck, staleAfter);
  }

  public ScrapeConfig withRequestTimeout(Duration value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, value, slowThreshold, concurrency, maxBackoff,
        allowedHosts, liveJson, partyCheck, staleAfter);
  }

  public ScrapeConfig withMaxBackoff(Duration value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, requestTimeout, slowThreshold, concurrency, value,
        allowedHosts, liveJson, partyCheck, staleAfter);
  }

  public ScrapeConfig withSlowThreshold(Duration value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, requestTimeout, value, concurrency, maxBackoff,
        allowedHosts, liveJson, partyCheck, staleAfter);
  }

  public ScrapeConfig withAllowedHosts(Set<String> value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, requestTimeout, slowThreshold, concurrency,
        maxBackoff, value, liveJson, partyCheck, staleAfter);
  }

  public ScrapeConfig withSourcesBeyondTheList(boolean json, boolean check) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, requestTimeout, slowThreshold, concurrency,
        maxBackoff, allowedHosts, json, check, staleAfter);
  }

  public ScrapeConfig withStaleAfter(Duration value) {
    return new ScrapeConfig(baseUrl, stateCode, listPages, interval, requestTimeout, slowThreshold, concurrency,
        maxBackoff, allowedHosts, liveJson, partyCheck, value);
  }

  /** The same settings for another state of the same site (its list pages found from page 1 again). */
  public ScrapeConfig forState(String code) {
    return code.equals(stateCode) ? this : new ScrapeConfig(baseUrl, code, 1, interval, requestTimeout, slowThreshold,
        concurrency, maxBackoff, allowedHosts, liveJson, partyCheck, staleAfter);
  }

  /** ECI's code of the state in file names and in the live JSON: "S25". */
  public String eciState() {
    return stateCode;
  }

  /** election-json-S25-live.json: every seat's leader in one small file. */
  public String liveJsonUrl() {
    return baseUrl + "election-json-" + eciState() + "-live.json";
  }

  /** partywiseresult-S25.htm: seats won and leading per party, as the site counts them. */
  public String partySummaryUrl() {
    return baseUrl + "partywiseresult-" + eciState() + ".htm";
  }

  public String listPageUrl(int page) {
    return baseUrl + "statewise" + stateCode + page + ".htm";
  }

  public String seatPageUrl(int seat) {
    return baseUrl + "Constituencywise" + stateCode + seat + ".htm";
  }
}
