package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.LeadFlipped;
import io.tallycast.bus.PartySeats;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.Standing;
import io.tallycast.bus.TallyChanged;
import io.tallycast.bus.ViewerReading;
import io.tallycast.store.NightRecord.Seat;
import io.tallycast.store.NightRecord.TimedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The biggest rises of the total audience, each with the declarations and lead flips just before it. */
class JumpsTest {
  private static final Instant T0 = Instant.parse("2026-05-04T03:00:00Z");
  private static final EventText TEXT = new EventText(List.of(new Seat("S25", 35, "RAJGANJ"),
      new Seat("S25", 12, "KRISHNANAGAR UTTAR")));

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static TimedEvent declared(int seat, int committedSecond) {
    SeatDeclared d = new SeatDeclared(1, "S25", seat, at(0), new Standing("A. CANDIDATE", "BJP", 80_000), 1_234L,
        "AITC", "gain", "AITC", "BJP gain from AITC");
    return new TimedEvent(d, at(committedSecond));
  }

  private static TimedEvent flipped(int seat, int committedSecond) {
    return new TimedEvent(new LeadFlipped(2, "S25", seat, at(0), "AITC", "BJP", "B", "C", 50L), at(committedSecond));
  }

  /** A platform read every 30 s for an hour: 1000 viewers, except the levels given from a second on. */
  private static List<ViewerReading> audience(int... secondAndLevel) {
    List<ViewerReading> out = new ArrayList<>();
    for (int t = 0; t < 3600; t += 30) {
      int level = 1000;
      for (int i = 0; i < secondAndLevel.length; i += 2) {
        if (t >= secondAndLevel[i]) {
          level = secondAndLevel[i + 1];
        }
      }
      out.add(ViewerReading.live("youtube", at(t), level));
    }
    return out;
  }

  @Test
  void the_biggest_rises_come_first_each_with_the_declarations_and_flips_committed_just_before() {
    // +4000 at 10 min (a declaration at 9 min), back down at 20 min, +2500 at 40 min (a flip at 38 min 30 s)
    List<ViewerReading> readings = audience(600, 5000, 1200, 1000, 2400, 3500);
    List<TimedEvent> events = List.of(declared(35, 540), flipped(12, 2310), declared(12, 60),
        new TimedEvent(new TallyChanged(3, "S25", null, at(0), Map.of(), Map.of("BJP", new PartySeats(1, 0))),
            at(590)));

    AudienceFigures.Audience a = AudienceFigures.of(readings, at(0), at(3600));
    List<Summary.Jump> jumps = Jumps.of(a.totalSteps(), events, TEXT);

    assertThat(jumps).hasSize(2);
    Summary.Jump first = jumps.get(0);
    assertThat(first.toViewers() - first.fromViewers()).isEqualTo(4000);
    assertThat(first.to()).isEqualTo(at(600));
    assertThat(first.events()).containsExactly("BJP gain from AITC in RAJGANJ (A. CANDIDATE)");
    Summary.Jump second = jumps.get(1);
    assertThat(second.toViewers() - second.fromViewers()).isEqualTo(2500);
    assertThat(second.to()).isEqualTo(at(2400));
    assertThat(second.events()).containsExactly("BJP takes the lead from AITC in KRISHNANAGAR UTTAR (C)");
  }

  @Test
  void a_flat_or_falling_audience_has_no_jump_and_at_most_five_are_kept() {
    assertThat(Jumps.of(AudienceFigures.of(audience(), at(0), at(3600)).totalSteps(), List.of(), TEXT)).isEmpty();

    List<ViewerReading> stairs = audience(300, 2000, 600, 3000, 900, 4000, 1200, 5000, 1500, 6000, 1800, 7000,
        2100, 8000);
    List<Summary.Jump> jumps = Jumps.of(AudienceFigures.of(stairs, at(0), at(3600)).totalSteps(), List.of(), TEXT);
    assertThat(jumps).hasSize(Jumps.TOP);
    assertThat(jumps).allSatisfy(j -> assertThat(j.toViewers() - j.fromViewers()).isEqualTo(1000));
  }
}
