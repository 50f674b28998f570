package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final List<CountingModel> models;
  private final ReplayClock clock;
  private final Faults faults;
  private final SitePages pages;
  private final ReplaySiteVerticle verticle;
  private final String deploymentId;

  private ReplaySite(Vertx vertx, ReplayOptions options, List<CountingModel> models, ReplayClock clock, Faults faults,
                     SitePages pages, ReplaySiteVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.options = options;
    this.models = models;
    this.clock = clock;
    this.faults = faults;
    this.pages = pages;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
  }

  private record Parts(List<CountingModel> models, ReplayClock clock, SitePages pages) {
  }

  /** A made-up counting day towards the data's final result ({@link SyntheticCounting}, seeded by the options). */
  public static Future<ReplaySite> start(Vertx vertx, ElectionData data, ReplayOptions options) {
    return start(vertx, new SyntheticCounting(data, options.seed()), options);
  }

  public static Future<ReplaySite> start(Vertx vertx, CountingModel model, ReplayOptions options) {
    return start(vertx, List.of(model), options);
  }

  /**
   * One site serving every state's counting under one prefix, as ECI's does, on one clock: the day is the first
   * state's, it ends when the last state's last seat is declared, and every recorded moment of any state is shown
   * for its minimum wall time.
   */
  public static Future<ReplaySite> start(Vertx vertx, List<CountingModel> models, ReplayOptions options) {
    CountingModel first = models.get(0);
    long finish = models.stream().mapToLong(CountingModel::totalDurationSeconds).max().orElse(0);
    long[] moments = models.stream().flatMapToLong(m -> Arrays.stream(m.moments())).sorted().distinct().toArray();
    // the clock may read and write its state file: not on the event loop
    return vertx.executeBlocking(() -> {
      ReplayClock clock = ReplayClock.start(options.speed(), options.stateFile(), finish, first.day(),
          new Pacing(moments, options.minDwellMillis()), System::currentTimeMillis);
      return new Parts(List.copyOf(models), clock, new SitePages(models));
    }).compose(parts -> {
      Faults faults = new Faults(parts.clock()::elapsedSeconds);
      ReplaySiteVerticle verticle = new ReplaySiteVerticle(options, parts.pages(), parts.clock(), faults);
      return vertx.deployVerticle(verticle).map(id -> {
        ReplaySite site = new ReplaySite(vertx, options, parts.models(), parts.clock(), faults, parts.pages(),
            verticle, id);
        for (CountingModel m : parts.models()) {
          LOG.info("replay site for {} ({}) at {}: {} seats, {} list pages, last declaration at {} (simulated), "
              + "speed {}, seed {}", m.data().state(), m.data().stateCode(), site.baseUrl(), m.seatNumbers().size(),
              parts.pages().of(m.data().stateCode()).pageCount(),
              m.day().at(m.totalDurationSeconds()).toLocalTime(), parts.clock().speed(), options.seed());
        }
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
    return url(models.get(0).data().stateCode(), page);
  }

  /** A page of one state, e.g. {@code url("U07", PageRef.list(1))} for {@code .../statewiseU071.htm}. */
  public String url(String state, PageRef page) {
    return baseUrl() + page.fileName(state);
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

  /** The first state's counting (the only one's, on a site of one state). */
  public CountingModel model() {
    return models.get(0);
  }

  /** Number of the first state's state-wise list pages (15 for West Bengal's 294 seats, 20 a page). */
  public int listPageCount() {
    return pages.first().pageCount();
  }

  /** Renders (or takes from the cache) every page at the current simulated time; for benchmarks and warm-up. */
  public int renderAll() {
    double elapsed = clock.elapsedSeconds();
    int bytes = 0;
    for (PageStore store : pages.all()) {
      for (PageRef page : allPages(store)) {
        bytes += store.page(page, elapsed).body().length;
      }
    }
    return bytes;
  }

  /** Every page the site serves of its first state: index, party summary, live JSON, list pages, seat pages. */
  public List<PageRef> allPages() {
    return allPages(pages.first());
  }

  private static List<PageRef> allPages(PageStore store) {
    List<PageRef> all = new ArrayList<>(List.of(PageRef.INDEX, PageRef.PARTY, PageRef.LIVE_JSON));
    for (int p = 1; p <= store.pageCount(); p++) {
      all.add(PageRef.list(p));
    }
    for (int seat : store.seatNumbers()) {
      all.add(PageRef.candidates(seat));
      all.add(PageRef.constituency(seat));
    }
    return all;
  }

  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
