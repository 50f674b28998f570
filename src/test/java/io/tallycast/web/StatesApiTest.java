package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API of a counting day of several states (the embedded "may2021", from the real results): every state's results
 * under /api/states/{code}/, the election as a whole at /api/election, and the single-state routes as aliases of the
 * first state, West Bengal.
 */
@ExtendWith(VertxExtension.class)
class StatesApiTest {
  private static final Election MAY2021 = Election.embedded("may2021");

  @TempDir
  Path dir;
  private ResultsReader reader;
  private WebClient client;
  private int port;

  @BeforeEach
  void aStoreWithTwoSeatsDeclaredInAssamAndOneInWestBengal(Vertx vertx) {
    StoreVerticle.deploy(vertx, dir, MAY2021).await();
    apply(vertx, MAY2021.require("S03"), 1, 2);
    apply(vertx, MAY2021.require("S25"), 1);
    reader = ResultsReader.open(dir);
    ApiVerticle api = new ApiVerticle(WebConfig.on(0), MAY2021, reader, Optional.empty(), Map.of(),
        Optional.empty());
    vertx.deployVerticle(api).await();
    port = api.port();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void close() {
    reader.close();
  }

  @Test
  void the_states_list_names_every_state_of_the_day_with_its_seats_and_majority_mark() {
    JsonObject states = json("/api/states", 200);
    assertThat(states.getString("name")).isEqualTo(MAY2021.name());
    JsonArray list = states.getJsonArray("states");
    assertThat(list.stream().map(o -> ((JsonObject) o).getString("code"))).containsExactlyElementsOf(MAY2021.codes());
    for (ElectionData s : MAY2021.states()) {
      JsonObject one = list.stream().map(JsonObject.class::cast).filter(o -> o.getString("code")
          .equals(s.stateCode())).findFirst().orElseThrow();
      assertThat(one.getInteger("seats")).isEqualTo(s.seats().size());
      assertThat(one.getInteger("majority")).isEqualTo(s.seats().size() / 2 + 1);
      assertThat(one.getString("name")).isEqualTo(s.state());
    }
  }

  @Test
  void each_state_has_its_own_summary_and_seats_and_the_old_routes_are_the_first_states() {
    ElectionData assam = MAY2021.require("S03");
    JsonObject summary = json("/api/states/S03/summary", 200);
    assertThat(summary.getString("state")).isEqualTo("S03");
    assertThat(summary.getString("name")).isEqualTo("Assam");
    assertThat(summary.getJsonObject("seats").getInteger("declared")).isEqualTo(2);
    assertThat(summary.getJsonObject("seats").getInteger("total")).isEqualTo(assam.seats().size());
    assertThat(json("/api/states/S25/summary", 200).getJsonObject("seats").getInteger("declared")).isEqualTo(1);
    assertThat(json("/api/summary", 200)).isEqualTo(json("/api/states/S25/summary", 200));
    JsonArray seats = array("/api/states/S03/constituencies");
    assertThat(seats).hasSize(assam.seats().size());
    assertThat(seats.getJsonObject(0).getString("name")).isEqualTo(assam.seats().get(1).name());
    assertThat(json("/api/states/S03/constituencies/2", 200).getJsonObject("leader").getString("candidate"))
        .isEqualTo(assam.finals().get(2).winner().candidate());
    assertThat(json("/api/constituencies/1", 200).getString("name")).isEqualTo(MAY2021.require("S25").seats().get(1)
        .name());
    JsonObject whole = json("/api/election", 200);
    assertThat(whole.getJsonArray("states")).hasSize(MAY2021.states().size());
  }

  @Test
  void a_state_or_seat_the_election_does_not_have_is_a_404_that_names_what_there_is() {
    assertThat(json("/api/states/S29/summary", 404).getString("error")).contains("S29").contains("S03, S11");
    int beyond = MAY2021.require("U07").seats().size() + 1;
    assertThat(json("/api/states/U07/constituencies/" + beyond, 404).getString("error")).contains("U07");
    assertThat(json("/api/events?state=S29", 400).getString("error")).contains("S29");
  }

  @Test
  void events_can_be_asked_for_one_state() {
    JsonArray assam = array("/api/events?type=seat.declared&state=S03");
    assertThat(assam).hasSize(2).allSatisfy(e -> assertThat(((JsonObject) e).getString("state")).isEqualTo("S03"));
    assertThat(array("/api/events?type=seat.declared")).hasSize(3);
  }

  private void apply(Vertx vertx, ElectionData state, int... seats) {
    List<Snapshot> list = new ArrayList<>();
    for (int seat : seats) {
      List<SnapshotCandidate> cands = new ArrayList<>();
      for (CandidateResult c : state.finals().get(seat).candidates()) {
        cands.add(new SnapshotCandidate(c.candidate(), c.party(), c.votes(), 0, c.votes()));
      }
      Instant at = Instant.parse("2021-05-02T10:00:00Z").plusSeconds(seat);
      list.add(new Snapshot(seat, SeatStatus.DECLARED, 12, 12, cands, at, at, "https://results.example/" + seat,
          false));
    }
    Bus.of(vertx).request(Contract.STORE_APPLY, new ScrapeBatch(state.stateCode(), list, List.of()), 10_000).await();
  }

  private HttpResponse<Buffer> get(String path) {
    return client.get(port, "127.0.0.1", path).send().await();
  }

  private JsonObject json(String path, int status) {
    HttpResponse<Buffer> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.bodyAsString()).isEqualTo(status);
    return r.bodyAsJsonObject();
  }

  private JsonArray array(String path) {
    HttpResponse<Buffer> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.bodyAsJsonArray();
  }
}
