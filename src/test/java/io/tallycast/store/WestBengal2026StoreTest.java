package io.tallycast.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded 2026 election (past = 2021) seeds a store, and its counted finals make ECI's tally there. */
class WestBengal2026StoreTest {
  static final ElectionData WB2026 = ElectionData.westBengal2026();
  static final Instant T0 = Instant.parse("2026-05-04T02:30:00Z");

  @TempDir
  Path dir;

  /**
   * Seats where two candidates share name and party (two independents of one name: 3, 89, 169): the store keys a
   * candidate by (seat, name, party) and refuses a snapshot listing one twice; the scraper tells them apart first
   * ("NAME (2)", SnapshotBuilderTest; end to end in DemoRealDayTest), so fed raw here they are left out.
   */
  private static Set<Integer> sameNameAndParty() {
    Set<Integer> seats = new HashSet<>();
    WB2026.finals().forEach((seat, r) -> {
      long distinct = r.candidates().stream().map(c -> c.candidate() + "|" + c.party()).distinct().count();
      if (distinct < r.candidates().size()) {
        seats.add(seat);
      }
    });
    return seats;
  }

  @Test
  void the_2026_data_seeds_a_store_and_its_counted_finals_give_the_tally_with_gain_or_hold_against_2021() {
    List<Snapshot> finals = new ArrayList<>();
    Map<String, Integer> expectedWon = new TreeMap<>();
    for (SeatResult r : WB2026.finals().values()) {
      if (!r.counted() || sameNameAndParty().contains(r.seat())) {
        continue; // Falta was not counted (repoll); see sameNameAndParty()
      }
      List<SnapshotCandidate> cands = new ArrayList<>();
      for (CandidateResult c : r.candidates()) {
        cands.add(new SnapshotCandidate(c.candidate(), c.party(), c.evmVotes(), c.postalVotes(), c.votes()));
      }
      int rounds = WB2026.roundsOf(r.seat()).orElseThrow();
      finals.add(new Snapshot(r.seat(), SeatStatus.DECLARED, rounds, rounds, cands, T0, T0,
          "https://results.example/" + r.seat(), false));
      expectedWon.merge(r.winner().party(), 1, Integer::sum);
    }
    assertThat(sameNameAndParty()).containsExactlyInAnyOrder(3, 89, 169);
    ApplyResult applied;
    try (ResultsStore store = ResultsStore.open(dir, WB2026)) {
      applied = store.apply(new ScrapeBatch("S25", finals, List.of()));
    }
    assertThat(applied.rejections()).isEmpty();
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject summary = reader.summary("S25");
      Map<String, JsonObject> parties = summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(p -> p.getString("party"), Function.identity()));
      expectedWon.forEach((party, won) -> assertThat(parties.get(party).getInteger("won")).as(party).isEqualTo(won));
      long bjpPast = WB2026.past().values().stream().filter(r -> r.winner().party().equals("BJP")).count();
      assertThat(parties.get("BJP").getInteger("past")).isEqualTo((int) bjpPast);
      assertThat(summary.getJsonObject("seats").getInteger("total")).isEqualTo(294);
      assertThat(reader.constituency("S25", 144).orElseThrow().getString("status")).isEqualTo("awaiting");
    }
  }
}
