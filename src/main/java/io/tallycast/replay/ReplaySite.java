package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local results website that replays a counting day in the layout and page names of ECI's 2026 results site, over
 * real HTTP, with faults that can be switched on. Start one with {@link #start}; stop it with {@link #stop}; a page's
 * address is {@link #url(PageRef)}.
 */
public final class ReplaySite {
  private static final Logger LOG = LoggerFactory.getLogger(ReplaySite.class);

  private final Vertx vertx;
  private final ReplayOptions options;
  private final CountingModel model;
  private final ReplayClock clock;
  private final Faults faults;
  private final PageStore pages;
  private final ReplaySiteVerticle verticle;
  private final String deploymentId;

  private ReplaySite(Vertx vertx, ReplayOptions options, CountingModel model, ReplayClock clock, Faults faults,
                     PageStore pages, ReplaySiteVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.options = options;
    this.model = model;
    this.clock = clock;
    this.faults = faults;
    this.pages = pages;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
  }

  private record Parts(CountingModel model, ReplayClock clock, PageStore pages) {
  }

  /** A made-up counting day towards the data's final result ({@link SyntheticCounting}, seeded by the options). */
  public static Future<ReplaySite> start(Vertx vertx, ElectionData data, ReplayOptions options) {
    return start(vertx, new SyntheticCounting(data, options.seed()), options);
  }

  public static Future<ReplaySite> start(Vertx vertx, CountingModel model, ReplayOptions options) {
    ElectionData data = model.data();
    // the clock may read and write its state file: not on the event loop
    return vertx.executeBlocking(() -> {
      ReplayClock clock = ReplayClock.start(model, options.speed(), options.stateFile(), options.minDwellMillis());
      return new Parts(model, clock, new PageStore(model));
    }).compose(parts -> {
      Faults faults = new Faults(parts.clock()::elapsedSeconds);
      ReplaySiteVerticle verticle = new ReplaySiteVerticle(options, parts.pages(), parts.clock(), faults);
      return vertx.deployVerticle(verticle).map(id -> {
        ReplaySite site = new ReplaySite(vertx, options, parts.model(), parts.clock(), faults, parts.pages(),
            verticle, id);
        LOG.info("replay site for {} at {}: {} seats, {} list pages, last declaration at {} (simulated), speed {}, "
            + "seed {}",
            data.state(), site.baseUrl(), parts.model().seatNumbers().size(), parts.pages().pageCount(),
            parts.model().day().at(parts.model().totalDurationSeconds()).toLocalTime(), parts.clock().speed(),
            options.seed());
        return site;
      });
    });
  }

  public int port() {
    return verticle.port();
  }

  /** The results pages' folder, e.g. {@code http://127.0.0.1:40123/ResultAcGenMay2026/}. */
  public String baseUrl() {
    return "http://" + hostForUrl() + ":" + port() + options.prefix();
  }

  /** A page's address, e.g. {@code url(PageRef.candidates(12))} for {@code .../candidateswise-S2512.htm}. */
  public String url(PageRef page) {
    return baseUrl() + page.fileName(model.data().stateCode());
  }

  /** Where the control API lives, e.g. {@code http://127.0.0.1:40123/_replay/}. */
  public String controlUrl() {
    return "http://" + hostForUrl() + ":" + port() + "/_replay/";
  }

  private String hostForUrl() {
    String host = options.host();
    if (host.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  public ReplayOptions options() {
    return options;
  }

  public ReplayClock clock() {
    return clock;
  }

  public Faults faults() {
    return faults;
  }

  public CountingModel model() {
    return model;
  }

  /** Number of state-wise list pages (15 for West Bengal's 294 seats, 20 a page). */
  public int listPageCount() {
    return pages.pageCount();
  }

  /** Renders (or takes from the cache) every page at the current simulated time; for benchmarks and warm-up. */
  public int renderAll() {
    double elapsed = clock.elapsedSeconds();
    int bytes = 0;
    for (PageRef page : allPages()) {
      bytes += pages.page(page, elapsed).body().length;
    }
    return bytes;
  }

  /** Every page the site serves: index, party summary, live JSON, the list pages, each seat's cards and table. */
  public List<PageRef> allPages() {
    List<PageRef> all = new ArrayList<>(List.of(PageRef.INDEX, PageRef.PARTY, PageRef.LIVE_JSON));
    for (int p = 1; p <= pages.pageCount(); p++) {
      all.add(PageRef.list(p));
    }
    for (int seat : model.seatNumbers()) {
      all.add(PageRef.candidates(seat));
      all.add(PageRef.constituency(seat));
    }
    return all;
  }

  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
