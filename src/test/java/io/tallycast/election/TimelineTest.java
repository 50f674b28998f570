package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real counting day of 4 May 2026 as embedded (wb2026), against the tests' own reading of the 76 snapshots in
 * ../shared/data/west-bengal/counting-2026/list-snapshots.jsonl.gz.
 */
class TimelineTest {
  static Timeline timeline;
  static List<SharedSources.Snapshot> source;
  static PartyRegistry parties;

  /** Read once; per test rather than per class, so that without the shared data each test says why it skipped. */
  @BeforeEach
  void load() throws Exception {
    if (source == null) {
      source = SharedSources.snapshots();
      timeline = Timeline.embedded("wb2026");
      parties = ElectionData.westBengal2026().parties();
    }
  }

  private String code(JsonNode label) {
    return label.asText().isEmpty() ? "" : parties.require(label.asText()).code();
  }

  @Test
  void there_are_76_moments_in_time_order_each_with_the_row_of_every_one_of_the_294_seats() {
    assertThat(timeline.moments()).hasSize(source.size()).hasSize(76);
    for (int m = 0; m < timeline.moments().size(); m++) {
      assertThat(timeline.moments().get(m).index()).isEqualTo(m);
      assertThat(timeline.rowsAt(m)).as("moment %d", m).hasSize(source.get(m).rows().size()).hasSize(294);
      if (m > 0) {
        assertThat(timeline.moments().get(m).fetchedAt()).isAfter(timeline.moments().get(m - 1).fetchedAt());
      }
    }
    assertThat(timeline.seats()).isEqualTo(List.copyOf(ElectionData.westBengal2026().seats().keySet()));
  }

  @Test
  void fetch_times_given_in_UTC_for_some_snapshots_and_in_IST_for_others_are_one_time_line() {
    for (int m = 0; m < source.size(); m++) {
      assertThat(timeline.moments().get(m).fetchedAt()).as("moment %d", m).isEqualTo(source.get(m).fetchedAt());
      assertThat(timeline.moments().get(m).lastUpdated()).as("moment %d", m).isEqualTo(source.get(m).lastUpdated());
      // ECI's page was at most a few minutes old when fetched: a UTC time read as IST would be 5.5 hours off
      assertThat(timeline.moments().get(m).fetchedAt()).isBetween(source.get(m).lastUpdated(),
          source.get(m).lastUpdated().plusSeconds(30 * 60));
    }
  }

  @Test
  void every_seats_row_at_every_moment_is_what_the_list_showed_then() {
    for (int m = 0; m < source.size(); m++) {
      for (JsonNode row : source.get(m).rows()) {
        TimelineRow expected = new TimelineRow(row.get(0).asInt(), SharedSources.collapsed(row.get(2).asText()),
            code(row.get(3)), SharedSources.collapsed(row.get(4).asText()), code(row.get(5)), row.get(6).asLong(),
            row.get(7).asInt(), row.get(8).asInt(), row.get(9).asText());
        assertThat(timeline.rowsAt(m).get(expected.seat())).as("moment %d seat %d", m, expected.seat())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void leader_changes_per_seat_are_those_of_the_snapshots_87_in_all() {
    Map<Integer, Integer> expected = new TreeMap<>();
    Map<Integer, String> lastLeader = new TreeMap<>();
    for (SharedSources.Snapshot s : source) {
      for (JsonNode row : s.rows()) {
        int seat = row.get(0).asInt();
        expected.putIfAbsent(seat, 0);
        if (row.get(2).asText().isEmpty()) {
          continue; // nobody shown: neither a lead nor a change
        }
        String leader = row.get(2).asText() + " (" + row.get(3).asText() + ")";
        String before = lastLeader.put(seat, leader);
        if (before != null && !before.equals(leader)) {
          expected.merge(seat, 1, Integer::sum);
        }
      }
    }
    Map<Integer, Integer> found = new TreeMap<>();
    timeline.seats().forEach(seat -> found.put(seat, timeline.leaderChanges(seat)));
    assertThat(found).isEqualTo(expected);
    assertThat(found.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(87);
  }

  @Test
  void falta_shows_no_leader_all_day_and_revised_round_totals_are_kept_as_ECI_showed_them() {
    assertThat(timeline.rowsOf(144)).hasSize(76).noneMatch(TimelineRow::hasLeader);
    Set<Integer> revised = new HashSet<>();
    Map<Integer, Integer> firstTotal = new TreeMap<>();
    for (SharedSources.Snapshot s : source) {
      for (JsonNode row : s.rows()) {
        Integer first = firstTotal.putIfAbsent(row.get(0).asInt(), row.get(8).asInt());
        if (first != null && first != row.get(8).asInt()) {
          revised.add(row.get(0).asInt());
        }
      }
    }
    assertThat(revised).isNotEmpty();
    for (int seat : revised) {
      assertThat(timeline.rowsOf(seat).stream().map(TimelineRow::roundsTotal).distinct().count()).as("seat %d", seat)
          .isGreaterThan(1);
    }
  }

  @Test
  void declared_seats_grow_to_those_the_last_snapshot_declared() {
    long declared = source.get(source.size() - 1).rows().stream()
        .filter(r -> r.get(9).asText().equals("Result Declared")).count();
    assertThat(timeline.rowsAt(75).values().stream().filter(r -> r.seatStatus() == SeatStatus.DECLARED).count())
        .isEqualTo(declared);
    assertThat(timeline.rowsAt(0).values()).noneMatch(r -> r.seatStatus() == SeatStatus.DECLARED);
  }

  @Test
  void a_timeline_file_whose_changes_name_a_seat_missing_at_moment_0_is_refused() {
    String moments = "moment,fetched_at,last_updated\n0,2026-05-04T12:00:00,2026-05-04T11:58:00\n"
        + "1,2026-05-04T12:05:00,2026-05-04T12:03:00\n";
    String rows = "moment,ac_no,leader,leader_party,trailer,trailer_party,margin,done,total,status\n"
        + "0,1,A,BJP,B,AITC,5,1,10,Result in Progress\n1,2,C,BJP,D,AITC,5,1,10,Result in Progress\n";
    assertThatThrownBy(() -> Timeline.read(new StringReader(moments), new StringReader(rows)))
        .hasMessageContaining("seat 2 is not in moment 0");
  }
}
