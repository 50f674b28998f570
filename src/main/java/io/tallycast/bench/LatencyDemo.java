package io.tallycast.bench;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.election.Election;
import io.tallycast.map.MapSource;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.web.WebConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The demo in this JVM for the latency bench: the replay site, PAUSED at a chosen simulated second so that nothing
 * changes but what the bench changes, and the engine scraping it. The bench changes the site through the replay's
 * control API (the clock jumps to the next moment that changes a seat) and overrides a seat through the operator API,
 * over real HTTP as the console does. The operator token never leaves this class.
 */
final class LatencyDemo implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final ReplaySite site;
  private final Engine engine;
  private final String state;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private LatencyDemo(ReplaySite site, Engine engine, String state) {
    this.site = site;
    this.engine = engine;
    this.state = state;
    this.token = engine.operatorToken().value();
  }

  /** A seat the bench overrides: its two leading candidates, whose win it swaps at every change. */
  record Seat(int no, String name, JsonObject first, JsonObject second) {
  }

  /**
   * Starts the wb2021 demo with its replay paused at {@code startSecond} of the counting day.
   *
   * @param interval the scraper's interval
   */
  static LatencyDemo start(Path data, Duration interval, long startSecond) throws Exception {
    Election whole = Election.embedded("wb2021");
    MeteredVertx runtime = MeteredVertx.create();
    try {
      ReplaySite site = ReplaySite.start(runtime.vertx(), ReplayModels.election(whole, 2021), ReplayOptions.defaults()
          .withPort(0).withSpeed(60).withSeed(2021).withPrefix(whole.main().replayPrefix())
          .withStateFile(data.resolve("replay-clock.json"))).await();
      // paused before the engine's first scrape, then moved to the chosen moment exactly: the engine starts there
      HttpClient client = HttpClient.newHttpClient();
      JsonObject paused = control(client, site.controlUrl() + "clock", new JsonObject().put("paused", true));
      double from = paused.getDouble("elapsedSeconds");
      if (!paused.getBoolean("paused", false) || from > startSecond) {
        throw new IllegalStateException("the replay clock did not pause before " + startSecond + " s: "
            + paused.encode());
      }
      control(client, site.controlUrl() + "clock", new JsonObject().put("advanceSeconds", startSecond - from));
      ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), whole.main().stateCode()).withInterval(interval);
      Engine engine = Engine.start(runtime, Engine.Config.of(whole, data, scrape, WebConfig.on(0))
          .withMaps(MapSource.embeddedFor(whole)).withOverlay(OverlayConfig.demo())
          .withReplayControl(site.controlUrl())).await();
      return new LatencyDemo(site, engine, whole.main().stateCode());
    } catch (Exception e) {
      runtime.close();
      throw e;
    }
  }

  CountingModel model() {
    return site.model();
  }

  /** The overlay's full scene, scaled to the stream's height. */
  String overlayUrl(int height) {
    return api() + "/overlay/?scene=full" + (height <= 720 ? "&size=720" : "");
  }

  /** Waits until the engine has stored the paused moment: as many seats declared as the site shows. */
  void awaitSeats(int declared, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject summary = get("/api/states/" + state + "/summary");
      if (summary != null && summary.getJsonObject("seats", new JsonObject()).getLong("declared", 0L) >= declared) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the engine did not show " + declared + " declared seats within " + timeout);
  }

  /** Moves the paused replay clock forward; returns System.nanoTime() when the site answered that it moved. */
  long advanceSite(double seconds) throws Exception {
    control(http, site.controlUrl() + "clock", new JsonObject().put("advanceSeconds", seconds));
    return System.nanoTime();
  }

  /** A declared seat whose leader and runner-up are of different parties (so swapping them changes colours). */
  Seat pickSeat() throws Exception {
    JsonArray seats = new JsonArray(getText("/api/states/" + state + "/constituencies"));
    for (int i = 0; i < seats.size(); i++) {
      JsonObject s = seats.getJsonObject(i);
      JsonObject leader = s.getJsonObject("leader");
      JsonObject runnerUp = s.getJsonObject("runnerUp");
      if ("declared".equals(s.getString("status")) && leader != null && runnerUp != null
          && !leader.getString("party").equals(runnerUp.getString("party"))) {
        return new Seat(s.getInteger("no"), s.getString("name"), leader, runnerUp);
      }
    }
    throw new IllegalStateException("no declared seat with two parties at the top to override");
  }

  /**
   * Overrides the seat so that the first candidate wins on even changes and the second on odd ones (with a vote total
   * that grows each time, so every override differs). Returns {sent, answered} System.nanoTime(): the store committed
   * between the two, and answered only once it had.
   */
  long[] override(Seat seat, int change) throws Exception {
    JsonObject winner = change % 2 == 0 ? seat.first() : seat.second();
    JsonObject loser = change % 2 == 0 ? seat.second() : seat.first();
    long top = Math.max(winner.getLong("votes"), loser.getLong("votes")) + 1000L + change;
    JsonObject body = new JsonObject().put("reason", "latency bench, change " + change).put("status", "declared")
        .put("candidates", new JsonArray(List.of(
            standing(winner, top), standing(loser, Math.min(winner.getLong("votes"), loser.getLong("votes"))))));
    HttpRequest request = HttpRequest.newBuilder(URI.create(api() + "/api/operator/states/" + state + "/seats/"
            + seat.no() + "/override")).timeout(CALL_TIMEOUT).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    long sent = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long answered = System.nanoTime();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("override of seat " + seat.no() + " refused: " + response.statusCode() + " "
          + response.body());
    }
    return new long[] {sent, answered};
  }

  private static JsonObject standing(JsonObject candidate, long votes) {
    return new JsonObject().put("candidate", candidate.getString("candidate")).put("party",
        candidate.getString("party")).put("votes", votes);
  }

  private String api() {
    return "http://127.0.0.1:" + engine.apiPort();
  }

  private JsonObject get(String path) throws Exception {
    String text = getText(path);
    return text == null ? null : new JsonObject(text);
  }

  private String getText(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api() + path)).timeout(CALL_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? r.body() : null;
  }

  private static JsonObject control(HttpClient client, String url, JsonObject change) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(change.encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("replay control " + change.encode() + " refused: " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  @Override
  public void close() throws Exception {
    engine.close();
  }
}
