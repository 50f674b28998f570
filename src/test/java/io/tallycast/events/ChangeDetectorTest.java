package io.tallycast.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.EventType;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.Standing;
import io.tallycast.bus.Wire;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {
  private static final Instant T1 = Instant.parse("2021-05-02T04:00:00Z");
  private static final Instant T2 = Instant.parse("2021-05-02T05:00:00Z");

  private static SeatState counting(int seat, Instant at, Standing... candidates) {
    return SeatState.of("S25", seat, SeatStatus.COUNTING, 3, 20, List.of(candidates), at);
  }

  private static SeatState declared(int seat, Standing... candidates) {
    return SeatState.of("S25", seat, SeatStatus.DECLARED, 20, 20, List.of(candidates), T2);
  }

  /** What the API shows of an event besides its id, type, seat and time: its kind's fields, as JSON. */
  private static JsonObject body(ResultEvent event) {
    JsonObject json = Wire.json(event);
    for (String own : new String[] {"id", "type", "state", "seat", "at"}) {
      json.remove(own);
    }
    return json;
  }

  private static List<EventType> types(List<ResultEvent> events) {
    return events.stream().map(ResultEvent::type).toList();
  }

  @Test
  void a_first_lead_is_a_seat_change_but_not_a_flip() {
    List<ResultEvent> events = ChangeDetector.seatEvents(SeatState.awaiting("S25", 12),
        counting(12, T1, new Standing("A", "BJP", 500), new Standing("B", "AITC", 300)), "AITC");
    assertThat(types(events)).containsExactly(EventType.SEAT_CHANGED);
    JsonObject body = body(events.get(0));
    assertThat(body.getJsonObject("before").getValue("leader")).isNull();
    assertThat(body.getJsonObject("before").getString("status")).isEqualTo("awaiting");
    assertThat(body.getJsonObject("after").getJsonObject("leader"))
        .isEqualTo(new JsonObject().put("candidate", "A").put("party", "BJP").put("votes", 500L));
    assertThat(body.getJsonObject("after").getLong("margin")).isEqualTo(200L);
    assertThat(events.get(0).at()).isEqualTo(T1);
    assertThat(events.get(0).seat()).isEqualTo(12);
  }

  @Test
  void a_lead_passing_from_one_party_to_another_is_one_flip_with_from_to_and_margin() {
    SeatState before = counting(12, T1, new Standing("A", "BJP", 500), new Standing("B", "AITC", 300));
    SeatState after = counting(12, T2, new Standing("A", "BJP", 900), new Standing("B", "AITC", 1000));
    List<ResultEvent> events = ChangeDetector.seatEvents(before, after, null);
    assertThat(types(events)).containsExactly(EventType.SEAT_CHANGED, EventType.LEAD_FLIPPED);
    assertThat(body(events.get(1))).isEqualTo(new JsonObject().put("from", "BJP").put("to", "AITC")
        .put("fromCandidate", "A").put("toCandidate", "B").put("margin", 100L));
    assertThat(events.get(1).at()).isEqualTo(T2);
  }

  @Test
  void a_lead_kept_by_the_same_party_is_no_flip() {
    SeatState before = counting(12, T1, new Standing("A", "BJP", 500), new Standing("B", "AITC", 300));
    SeatState after = counting(12, T2, new Standing("A", "BJP", 800), new Standing("B", "AITC", 700));
    assertThat(types(ChangeDetector.seatEvents(before, after, null))).containsExactly(EventType.SEAT_CHANGED);
  }

  @Test
  void a_declaration_against_a_different_past_winner_is_a_gain() {
    SeatState before = counting(26, T1, new Standing("SHANKAR GHOSH", "BJP", 50), new Standing("X", "CPM", 40));
    SeatState after = declared(26, new Standing("SHANKAR GHOSH", "BJP", 900), new Standing("X", "CPM", 400));
    List<ResultEvent> events = ChangeDetector.seatEvents(before, after, "CPM");
    assertThat(types(events)).containsExactly(EventType.SEAT_CHANGED, EventType.SEAT_DECLARED);
    assertThat(body(events.get(1))).isEqualTo(new JsonObject()
        .put("winner", new JsonObject().put("candidate", "SHANKAR GHOSH").put("party", "BJP").put("votes", 900L))
        .put("margin", 500L).put("past", "CPM").put("result", "gain").put("gainedFrom", "CPM")
        .put("text", "BJP gain from CPM"));
  }

  @Test
  void a_declaration_for_the_past_winner_is_a_hold_and_without_a_past_result_is_new() {
    SeatState after = declared(1, new Standing("A", "AITC", 900), new Standing("B", "BJP", 400));
    JsonObject hold = body(ChangeDetector.seatEvents(SeatState.awaiting("S25", 1), after, "AITC").get(1));
    assertThat(hold.getString("result")).isEqualTo("hold");
    assertThat(hold.getString("text")).isEqualTo("AITC hold");
    assertThat(hold.getValue("gainedFrom")).isNull();
    JsonObject fresh = body(ChangeDetector.seatEvents(SeatState.awaiting("S25", 1), after, null).get(1));
    assertThat(fresh.getString("result")).isEqualTo("new");
    assertThat(fresh.getValue("past")).isNull();
    assertThat(fresh.getString("text")).isEqualTo("AITC win");
  }

  @Test
  void an_already_declared_seat_is_not_declared_again() {
    SeatState once = declared(1, new Standing("A", "AITC", 900));
    SeatState again = declared(1, new Standing("A", "AITC", 901));
    assertThat(types(ChangeDetector.seatEvents(once, again, "AITC"))).containsExactly(EventType.SEAT_CHANGED);
  }

  @Test
  void nota_never_leads_ties_go_by_name_and_all_zero_votes_mean_no_leader() {
    SeatState nota = counting(5, T1, new Standing("NOTA", "NOTA", 999), new Standing("Z", "BJP", 10));
    assertThat(nota.leader().party()).isEqualTo("BJP");
    assertThat(nota.runnerUp()).isNull();
    assertThat(nota.margin()).isEqualTo(10L);
    SeatState tie = counting(5, T1, new Standing("ZED", "BJP", 10), new Standing("ABE", "AITC", 10));
    assertThat(tie.leader().candidate()).isEqualTo("ABE");
    assertThat(tie.margin()).isZero();
    SeatState zero = counting(5, T1, new Standing("ZED", "BJP", 0), new Standing("ABE", "AITC", 0));
    assertThat(zero.leader()).isNull();
    assertThat(zero.margin()).isNull();
  }

  @Test
  void the_tally_change_lists_only_the_parties_whose_numbers_moved() {
    SeatState a = counting(1, T1, new Standing("A", "AITC", 10));
    SeatState b = counting(2, T1, new Standing("B", "BJP", 10));
    Tally before = Tally.of(List.of(a, b));
    Tally after = Tally.of(List.of(declared(1, new Standing("A", "AITC", 20)), b));
    ResultEvent e = ChangeDetector.tallyEvent("S25", before, after, T2).orElseThrow();
    assertThat(e.type()).isEqualTo(EventType.TALLY_CHANGED);
    assertThat(e.seat()).isNull();
    assertThat(e.at()).isEqualTo(T2);
    assertThat(body(e)).isEqualTo(new JsonObject()
        .put("before", new JsonObject().put("AITC", new JsonObject().put("won", 0).put("leading", 1)))
        .put("after", new JsonObject().put("AITC", new JsonObject().put("won", 1).put("leading", 0))));
  }

  @Test
  void an_unchanged_tally_makes_no_event() {
    Tally t = Tally.of(List.of(counting(1, T1, new Standing("A", "AITC", 10))));
    assertThat(ChangeDetector.tallyEvent("S25", t, Tally.of(List.of(counting(1, T2, new Standing("A", "AITC", 20)))),
        T2))
        .isEmpty();
  }
}
