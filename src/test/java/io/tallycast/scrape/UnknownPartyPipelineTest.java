package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.tallycast.web.WebConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A party the site names but the configured party table does not know (one of 2021's parties, left out of the engine's
 * table while the site writes it in full): nothing is dropped, the label is kept as written and the operator is told.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class UnknownPartyPipelineTest {
  @TempDir
  Path dataDir;

  @Test
  void the_candidates_of_an_unknown_party_are_kept_as_written_and_the_store_health_names_the_label(Vertx vertx)
      throws Exception {
    ElectionData site = ElectionData.westBengal2021();
    // a party with candidates in 2021 that was not first or second anywhere in 2016 (the past results name those)
    java.util.Set<String> past = site.past().values().stream().flatMap(r -> r.candidates().stream().limit(2))
        .map(c -> c.party()).collect(Collectors.toSet());
    Party aifb = site.finals().values().stream().flatMap(r -> r.candidates().stream()).map(c -> c.party())
        .filter(p -> !past.contains(p) && !p.equals(Party.INDEPENDENT) && !p.equals(Party.NOTA))
        .collect(Collectors.groupingBy(p -> p, java.util.TreeMap::new, Collectors.counting())).entrySet().stream()
        .max(java.util.Map.Entry.comparingByValue()).map(e -> site.parties().byCode(e.getKey()).orElseThrow())
        .orElseThrow();
    String code = aifb.code();
    List<Party> known = site.parties().all().stream().filter(p -> p != aifb).collect(Collectors.toList());
    ElectionData engineData = new ElectionData(site.state(), site.stateCode(), new PartyRegistry(known), site.seats(),
        site.past(), site.pastYear(), site.finals());
    ReplaySite replay = ReplaySite.start(vertx, site, ReplayOptions.defaults()).await();
    replay.clock().pause();
    replay.clock().advance(replay.model().totalDurationSeconds() + 60);
    MeteredVertx runtime = MeteredVertx.of(vertx);
    Engine engine = Engine.start(runtime, Engine.Config.of(engineData, dataDir,
        ScrapeConfig.forSite(replay.baseUrl(), site.stateCode()).withInterval(Duration.ofMillis(100)),
        WebConfig.on(0)).withMaps(Pipeline.MAPS)).await();
    WebClient http = WebClient.create(vertx);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> get(http, engine, "/api/summary")
          .getJsonObject("seats").getInteger("declared") == site.seats().size());
      // every candidate of that party of the final result is stored, with its votes, under the label the site writes
      long expected = site.finals().values().stream().flatMap(r -> r.candidates().stream())
          .filter(c -> c.party().equals(code)).count();
      assertThat(expected).isPositive();
      long stored = 0;
      for (int seat : site.seats().keySet()) {
        stored += get(http, engine, "/api/constituencies/" + seat).getJsonArray("candidates").stream()
            .map(JsonObject.class::cast).filter(c -> c.getString("party").equals(aifb.name())).count();
      }
      assertThat(stored).isEqualTo(expected);
      JsonObject store = get(http, engine, "/api/health").getJsonObject("parts").getJsonObject("store");
      assertThat(store.getString("status")).isEqualTo("degraded");
      assertThat(store.getString("lastError")).contains(aifb.name()).contains("party table");
      assertThat(store.getJsonObject("details").getJsonObject("unmappedParties").getJsonArray(aifb.name()))
          .hasSize((int) site.finals().values().stream().filter(r -> r.candidates().stream()
              .anyMatch(c -> c.party().equals(code))).count());
    } finally {
      engine.close();
    }
  }

  private static JsonObject get(WebClient http, Engine engine, String path) {
    return http.get(engine.apiPort(), "127.0.0.1", path).send().await().bodyAsJsonObject();
  }
}
