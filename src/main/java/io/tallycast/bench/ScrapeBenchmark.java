package io.tallycast.bench;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.CycleReport;
import io.tallycast.scrape.PageFetcher;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScrapeCycle;
import io.tallycast.scrape.SnapshotBuilder;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.store.ResultsStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The cost of a full scrape: 15 list pages and all 294 constituency pages fetched over loopback from the replay site,
 * parsed, checked and written to a fresh SQLite store (so every seat is new and makes its events). Also the steady
 * cycle (nothing changed: conditional GETs answer 304) and the parse time per page. CPU is the whole process's, so it
 * includes the replay site serving its (cached) pages: an upper bound for the scraper alone.
 */
public final class ScrapeBenchmark {
  /** The real 2026 day at its end, in ECI's 2026 layout: every page type the scraper reads, as the site serves them. */
  private final CountingModel day = ReplayModels.embedded("wb2026", 0);
  private final ElectionData election = day.data();
  private final PrintStream out;

  public ScrapeBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(int warmups, int cycles, Path workDir) throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-store-writer"));
    try {
      ReplaySite site = ReplaySite.start(vertx, day, ReplayOptions.defaults().withPrefix(election.replayPrefix()))
          .await();
      site.clock().pause();
      site.clock().advance(site.model().totalDurationSeconds() + 60);
      ScrapeConfig config = ScrapeConfig.forSite(site.baseUrl(), election.stateCode());
      WorkerExecutor workers = vertx.createSharedWorkerExecutor("bench-parse", 2);
      out.printf("full cycle = live JSON + %d list pages + %d constituency pages over loopback "
          + "(ECI's 2026 layout, West "
          + "Bengal 2026 at the end of the day), parsed, stored in a new SQLite file%n", 15, election.seats().size());
      // Every cycle writes into a new store (so all 294 seats are new and make their events); they are all opened
      // first, so that opening them (Flyway, seeding) and its JIT work stay out of the measured cycles.
      List<ResultsStore> stores = new ArrayList<>();
      for (int i = 0; i < warmups + cycles; i++) {
        stores.add(ResultsStore.open(Files.createTempDirectory(workDir, "bench"), Election.of(election)));
      }
      List<double[]> full = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        ResultsStore store = stores.get(i);
        Function<ScrapeBatch, Future<ApplyResult>> apply = batch -> Future.fromCompletionStage(
            java.util.concurrent.CompletableFuture.supplyAsync(() -> store.apply(batch), writer));
        ScrapeCycle cycle = new ScrapeCycle(config, new PageFetcher(vertx, config),
            new SnapshotBuilder(election.parties(), election.seats()), workers, apply);
        double[] first = measure(vertx, cycle);
        double[] steady = measure(vertx, cycle);
        if (i >= warmups) {
          full.add(new double[] {first[0], first[1], steady[0], steady[1], first[2], first[3], first[4], first[5],
              first[0] - first[3] - first[4] - first[5] - first[6], first[6]});
        }
      }
      for (ResultsStore store : stores) {
        store.close();
      }
      report(full);
      parseTimes(vertx, site);
    } finally {
      writer.shutdown();
      vertx.close().await();
    }
  }

  /**
   * {cpu ms, wall ms, snapshots accepted, event loops ms (HTTP client and server), parse workers ms, store writer ms}
   * of one cycle, run on an event-loop context as in the verticle. The process CPU less the Java threads' is the JVM's
   * own work (garbage collection, JIT compilation).
   */
  private static double[] measure(Vertx vertx, ScrapeCycle cycle) {
    Context context = vertx.getOrCreateContext();
    Promise<CycleReport> done = Promise.promise();
    Map<String, Long> threads0 = threadCpuByRole();
    long cpu0 = processCpuNanos();
    long wall0 = System.nanoTime();
    context.runOnContext(v -> cycle.run().onComplete(done));
    CycleReport report = done.future().await();
    long wall = System.nanoTime() - wall0;
    long cpu = processCpuNanos() - cpu0;
    Map<String, Long> threads = threadCpuByRole();
    if (!report.allGood()) {
      throw new IllegalStateException("benchmark cycle failed: " + report.errors());
    }
    return new double[] {cpu / 1e6, wall / 1e6, report.snapshotsAccepted(), delta(threads0, threads, "eventloop"),
        delta(threads0, threads, "parse"), delta(threads0, threads, "store"), delta(threads0, threads, "other")};
  }

  private static Map<String, Long> threadCpuByRole() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> byRole = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      String role = name.startsWith("vert.x-eventloop") ? "eventloop" : name.startsWith("bench-parse") ? "parse"
          : name.startsWith("bench-store") ? "store" : "other";
      long nanos = mx.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        byRole.merge(role + "#" + info.getThreadId(), nanos, Long::sum);
      }
    }
    return byRole;
  }

  /** CPU ms spent by the threads of one role between two readings (threads born in between count from zero). */
  private static double delta(Map<String, Long> before, Map<String, Long> after, String role) {
    long sum = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      if (e.getKey().startsWith(role + "#")) {
        sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
    }
    return sum / 1e6;
  }

  private void report(List<double[]> runs) {
    out.printf("full 294-seat cycle  : CPU %s ms, wall %s ms (median [min-max] of %d; %d snapshots each)%n",
        stats(runs, 0), stats(runs, 1), runs.size(), (int) runs.get(0)[4]);
    out.printf("  of which            : event loops (HTTP client + replay server) %s ms, parsing %s ms, "
        + "store writer %s ms, other threads %s ms, JVM itself (GC, JIT) %s ms%n", stats(runs, 5), stats(runs, 6),
        stats(runs, 7), stats(runs, 9), stats(runs, 8));
    out.printf("steady cycle (all 304): CPU %s ms, wall %s ms%n", stats(runs, 2), stats(runs, 3));
  }

  private void parseTimes(Vertx vertx, ReplaySite site) throws Exception {
    WebClient client = WebClient.create(vertx);
    List<String> seatPages = new ArrayList<>();
    for (int seat : election.seats().keySet()) {
      seatPages.add(client.getAbs(site.baseUrl() + "Constituencywise" + election.stateCode() + seat + ".htm")
          .send().await().bodyAsString());
    }
    String listPage = client.getAbs(site.baseUrl() + "statewise" + election.stateCode() + "1.htm").send().await()
        .bodyAsString();
    String cardsPage = client.getAbs(site.baseUrl() + "candidateswise-" + election.stateCode() + "100.htm").send()
        .await().bodyAsString();
    String liveJson = client.getAbs(site.baseUrl() + "election-json-" + election.stateCode() + "-live.json").send()
        .await().bodyAsString();
    String partyPage = client.getAbs(site.baseUrl() + "partywiseresult-" + election.stateCode() + ".htm").send()
        .await().bodyAsString();
    int rounds = 20;
    for (int warm = 0; warm < 5; warm++) {
      for (String page : seatPages) {
        EciPages.parseSeatPage(page, "bench");
      }
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (String page : seatPages) {
        EciPages.parseSeatPage(page, "bench");
      }
    }
    double seatMicros = (System.nanoTime() - t0) / 1e3 / (rounds * seatPages.size());
    long t1 = System.nanoTime();
    for (int r = 0; r < rounds * 20; r++) {
      EciPages.parseListPage(listPage, "bench");
    }
    double listMicros = (System.nanoTime() - t1) / 1e3 / (rounds * 20);
    out.printf("parse per page       : constituency table %.0f us (%.1f KB), state-wise list %.0f us (%.1f KB)%n",
        seatMicros, seatPages.get(0).length() / 1024.0, listMicros, listPage.length() / 1024.0);
    out.printf("                       cards %.0f us (%.1f KB), party-wise %.0f us (%.1f KB), "
        + "live JSON %.0f us (%.1f KB)%n",
        micros(() -> EciPages.parseSeatPage(cardsPage, "bench")), cardsPage.length() / 1024.0,
        micros(() -> EciPages.parsePartySummary(partyPage, "bench")), partyPage.length() / 1024.0,
        micros(() -> EciPages.parseLiveJson(liveJson, "bench")), liveJson.length() / 1024.0);
  }

  private interface Parse {
    Object run() throws Exception;
  }

  /** Mean microseconds of one parse, after a warm-up of as many. */
  private static double micros(Parse parse) throws Exception {
    for (int i = 0; i < 400; i++) {
      parse.run();
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < 400; i++) {
      parse.run();
    }
    return (System.nanoTime() - t0) / 1e3 / 400;
  }

  private static String stats(List<double[]> runs, int column) {
    double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return String.format("%.0f [%.0f-%.0f]", values[values.length / 2], values[0], values[values.length - 1]);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
