package io.tallycast.bench;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.process.OwnedProcesses;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.web.WebConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench api}: the engine as the demo runs it, on the real 2026 day at its end (every seat with its figures: the
 * seat list at its largest), then the seat list and the summary under load from many keep-alive clients.
 */
public final class ApiBench {
  private static final int WARMUP_SECONDS = 3;

  private ApiBench() {
  }

  /** @param scrapeInterval how often the engine's scraper polls, as the demo at 60x does */
  public static int run(PrintStream out, int connections, int seconds, Duration scrapeInterval) throws Exception {
    if (connections < 1 || seconds < 1) {
      System.err.println("tallycast bench api: --connections and --seconds must be at least 1");
      return 2;
    }
    Path data = OwnedProcesses.claimFolder("bench-api");
    MeteredVertx runtime = MeteredVertx.create();
    try {
      CountingModel day = ReplayModels.embedded("wb2026", 0);
      ElectionData election = day.data();
      ReplaySite site = ReplaySite.start(runtime.vertx(), day, ReplayOptions.defaults()
          .withPrefix(election.replayPrefix())).await();
      site.clock().pause();
      site.clock().advance(site.model().totalDurationSeconds() + 60);
      ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), election.stateCode())
          .withInterval(scrapeInterval);
      Engine engine = Engine.start(runtime, Engine.Config.of(election, data, scrape, WebConfig.on(0))
          .withMaps(MapSource.embeddedWestBengal())).await();
      settle(engine, election.stateCode());
      String base = "http://127.0.0.1:" + engine.apiPort();
      String etag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/constituencies"))
          .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElse(null);
      out.printf("%d keep-alive clients, each sending its next request when the last answer is read; %d s per run "
          + "after %d s of warm-up; client and server in this process on %d cores%n", connections, seconds,
          WARMUP_SECONDS, java.lang.Runtime.getRuntime().availableProcessors());
      ApiLoad load = new ApiLoad(engine.apiPort(), connections);
      List<ApiLoad.Result> results = new ArrayList<>();
      results.add(load.run("constituencies", "/api/constituencies", Map.of(), WARMUP_SECONDS, seconds));
      results.add(load.run("constituencies gzip", "/api/constituencies", Map.of("Accept-Encoding", "gzip"),
          WARMUP_SECONDS, seconds));
      if (etag != null) {
        results.add(load.run("constituencies If-None-Match", "/api/constituencies", Map.of("If-None-Match", etag),
            WARMUP_SECONDS, seconds));
      } else {
        out.println("constituencies If-None-Match: not run, the answer has no ETag");
      }
      results.add(load.run("summary", "/api/summary", Map.of(), WARMUP_SECONDS, seconds));
      print(out, results);
      return 0;
    } finally {
      runtime.close();
      OwnedProcesses.delete(data);
    }
  }

  /** Waits until the scraper has taken the whole day: the summary no longer changes between two looks. */
  private static void settle(Engine engine, String state) throws InterruptedException {
    String last = "";
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      String now = engine.reader().summary(state).getJsonObject("seats").encode();
      if (now.equals(last) && !now.contains("\"declared\":0,")) {
        return;
      }
      last = now;
      Thread.sleep(5_000);
    }
    throw new IllegalStateException("the scraper did not take the whole day within 3 minutes");
  }

  private static void print(PrintStream out, List<ApiLoad.Result> results) {
    out.printf("%-30s %9s %8s %8s %8s %8s %8s %9s  %s%n", "run", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms",
        "max ms", "bytes", "statuses");
    for (ApiLoad.Result r : results) {
      out.printf("%-30s %9d %8.0f %8.1f %8.1f %8.1f %8.1f %9d  %s%n", r.label(), r.requests(), r.perSecond(), r.p50(),
          r.p90(), r.p99(), r.max(), r.bytesPerAnswer(), r.statuses());
    }
  }
}
