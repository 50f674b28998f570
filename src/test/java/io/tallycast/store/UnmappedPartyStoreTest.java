package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.cand;
import static io.tallycast.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ApplyResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatRef;
import io.tallycast.election.SeatStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A party label nobody configured is stored as written, listed for the operator, and mapped by the party table. */
class UnmappedPartyStoreTest {
  @TempDir
  Path dir;

  @Test
  void a_candidate_of_an_unknown_party_is_stored_with_its_votes_and_the_label_is_listed_with_its_seats() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      ApplyResult r = store.apply(batch(
          snapshot(14, SeatStatus.COUNTING, 1, 10, T0, cand("A", "New Front - NF", 500), cand("B", "BJP", 400)),
          snapshot(15, SeatStatus.COUNTING, 1, 10, T0, cand("C", "New Front - NF", 50), cand("D", "AITC", 60))));
      assertThat(r.rejections()).isEmpty();
      assertThat(r.acceptedSeats()).containsExactly(14, 15);
      assertThat(store.unmappedParties()).containsOnlyKeys("New Front - NF");
      assertThat(store.unmappedParties().get("New Front - NF")).containsExactly(new SeatRef("S25", 14),
          new SeatRef("S25", 15));
    }
    try (ResultsReader reader = ResultsReader.open(dir)) {
      assertThat(reader.constituency("S25", 14).orElseThrow().getJsonObject("leader").getString("party"))
          .isEqualTo("New Front - NF");
      assertThat(reader.constituency("S25", 14).orElseThrow().getJsonObject("leader").getLong("votes")).isEqualTo(500L);
    }
  }

  @Test
  void once_the_party_table_maps_the_label_the_next_start_moves_its_candidates_to_that_party() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      store.apply(batch(snapshot(14, SeatStatus.COUNTING, 1, 10, T0, cand("A", "New Front - NF", 500),
          cand("B", "BJP", 400))));
    }
    List<Party> parties = new ArrayList<>(WB.parties().all());
    Party cpm = WB.parties().byCode("CPM").orElseThrow();
    parties.remove(cpm);
    List<String> aliases = new ArrayList<>(cpm.aliases());
    aliases.add("New Front - NF"); // the operator's mapping, for the sake of the test
    parties.add(new Party(cpm.code(), cpm.name(), cpm.color(), aliases));
    ElectionData mapped = new ElectionData(WB.state(), WB.stateCode(), new PartyRegistry(parties), WB.seats(),
        WB.past(), WB.pastYear(), WB.finals());
    try (ResultsStore store = ResultsStore.open(dir, mapped)) {
      assertThat(store.unmappedParties()).isEmpty();
    }
    try (ResultsReader reader = ResultsReader.open(dir)) {
      assertThat(reader.constituency("S25",
          14).orElseThrow().getJsonObject("leader").getString("party")).isEqualTo("CPM");
      assertThat(reader.constituency("S25",
          14).orElseThrow().getJsonObject("runnerUp").getString("party")).isEqualTo("BJP");
      assertThat(reader.constituency("S25", 14).orElseThrow().getJsonArray("candidates")).extracting(Object::toString)
          .anySatisfy(c -> assertThat(c).contains("\"candidate\":\"A\"").contains("\"party\":\"CPM\""));
    }
  }
}
