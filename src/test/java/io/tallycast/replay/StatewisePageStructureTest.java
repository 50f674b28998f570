package io.tallycast.replay;

import static io.tallycast.replay.Skeleton.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.SeatStatus;
import io.tallycast.support.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * Our {@code statewiseS25{page}.htm} has the shape of the real 2026 page ({@code statewiseS221.htm}, Tamil Nadu at
 * 12:45 PM) under the selectors a parser uses, part by part and then as a whole.
 */
class StatewisePageStructureTest {
  private static final ElectionData WB = ReplayTestSupport.westBengal();
  private static final SyntheticCounting MODEL = new SyntheticCounting(WB, 2021);
  private static final PageStore PAGES = new PageStore(MODEL);
  private static final String ROW = "div.table-responsive > table > tbody > tr";

  private static Document real() {
    Document doc = Jsoup.parse(SharedData.text("eci-pages/2026-assembly/statewiseS221.htm"));
    doc.select("script:not([src])").remove(); // Akamai's tracker: left out on purpose
    return doc;
  }

  private static Document ours(int page, double t) {
    return Jsoup.parse(new String(PAGES.page(PageRef.list(page), t).body(), StandardCharsets.UTF_8));
  }

  /** The first minute at which every seat of page 1 has a leader and none is declared: like the real page. */
  private static long allCounting() {
    for (long t = 0; t < MODEL.totalDurationSeconds(); t += 60) {
      long now = t;
      if (PAGES.seatsOfPage(1).stream().map(s -> MODEL.seatAt(s, now))
          .allMatch(v -> v.leader() != null && v.status() == SeatStatus.COUNTING)) {
        return t;
      }
    }
    throw new AssertionError("no moment with page 1 all counting");
  }

  @Test
  void every_part_a_parser_reads_has_the_real_pages_structure() {
    Document real = real();
    Document ours = ours(1, allCounting());
    for (String part : List.of("head", "header.header", "div.dis-info", "div.page-title", "div.roundwrap",
        "div.table-responsive > table > thead", ROW, "div.table-responsive > table > tfoot",
        "div.row:has(div.custom-pagination)", "footer.footer")) {
      assertSameShape(part, real.selectFirst(part), ours.selectFirst(part));
    }
    assertSameShape("the leading party's cell", real.selectFirst(ROW).child(3), ours.selectFirst(ROW).child(3));
    assertSameShape("the trailing party's cell", real.selectFirst(ROW).child(5), ours.selectFirst(ROW).child(5));
    assertSameShape("the whole body", real.body(), ours.body());
  }

  @Test
  void fixed_texts_are_the_real_pages_and_the_heading_carries_the_days_month() {
    Document real = real();
    Document ours = ours(1, allCounting());
    assertThat(ours.select("thead tr").get(1).children().eachText())
        .isEqualTo(real.select("thead tr").get(1).children().eachText());
    assertThat(ours.select("thead th[colspan=9]").text()).isEqualTo("Status Known For 294 out of 294 Constituencies");
    assertThat(real.select("thead th[colspan=9]").text()).isEqualTo("Status Known For 234 out of 234 Constituencies");
    assertThat(ours.select("div.page-title h1").text())
        .isEqualTo(real.select("div.page-title h1").text().replace("May-2026", "May-2021"));
    assertThat(ours.select("div.page-title h2 > span").text()).isEqualTo("West Bengal");
    Element realTooltip = real.selectFirst(ROW + " div.tooltip");
    Element ourTooltip = ours.selectFirst(ROW + " div.tooltip");
    assertThat(ourTooltip.select("h3").text()).isEqualTo(realTooltip.select("h3").text())
        .isEqualTo("Party Wise State Trends");
    assertThat(ourTooltip.select("td:eq(0)").eachText()).isEqualTo(realTooltip.select("td:eq(0)").eachText())
        .containsExactly("Leading In", "Won In", "Trailing In");
    assertThat(ours.select("footer .foot-content").text()).matches("Last Updated at \\d\\d:\\d\\d [AP]M On 02/05/2021");
    assertThat(real.select("footer .foot-content").text()).isEqualTo("Last Updated at 12:45 PM On 04/05/2026");
    assertThat(ours.select("div.custom-pagination li.active a").text()).isEqualTo("1");
    assertThat(ours.select("div.custom-pagination a.page-link").eachAttr("href")).hasSize(15)
        .startsWith("statewiseS251.htm").endsWith("statewiseS2515.htm");
  }

  @Test
  void rows_are_sorted_by_name_twenty_a_page_with_ties_by_number() {
    List<Integer> shown = new ArrayList<>();
    for (int p = 1; p <= PAGES.pageCount(); p++) {
      Elements rows = ours(p, 4 * 3600).select(ROW);
      assertThat(rows).hasSize(p < 15 ? 20 : 14);
      rows.forEach(tr -> shown.add(Integer.parseInt(tr.child(1).text())));
    }
    List<Integer> expected = WB.seats().values().stream()
        .sorted(Comparator.comparing((Constituency c) -> c.name().toLowerCase()).thenComparingInt(Constituency::no))
        .map(Constituency::no).toList();
    assertThat(shown).isEqualTo(expected);
    // West Bengal has two seats named Bishnupur (146 and 255): the lower number first
    assertThat(shown.indexOf(146)).isEqualTo(shown.indexOf(255) - 1);
  }

  @Test
  void cells_show_the_seat_and_the_tooltips_the_parties_counts_across_the_state_at_that_moment() {
    double t = 6 * 3600; // early afternoon: seats awaiting none, counting many, declared some
    Map<String, int[]> trends = new TreeMap<>(); // leading, won, trailing
    int known = 0;
    for (int seat : MODEL.seatNumbers()) {
      SeatView v = MODEL.seatAt(seat, t);
      if (v.leader() != null) {
        known++;
        boolean declared = v.status() == SeatStatus.DECLARED;
        trends.computeIfAbsent(v.leader().party(), k -> new int[3])[declared ? 1 : 0]++;
        if (!declared && v.trailing() != null) {
          trends.computeIfAbsent(v.trailing().party(), k -> new int[3])[2]++;
        }
      }
    }
    assertThat(trends.values().stream().mapToInt(c -> c[1]).sum()).as("some seats declared").isPositive();
    for (int p = 1; p <= PAGES.pageCount(); p++) {
      Document page = ours(p, t);
      assertThat(page.select("thead th[colspan=9]").text())
          .isEqualTo("Status Known For " + known + " out of 294 Constituencies");
      for (Element tr : page.select(ROW)) {
        SeatView v = MODEL.seatAt(Integer.parseInt(tr.child(1).text()), t);
        assertThat(tr.children()).hasSize(9);
        assertThat(tr.child(0).text()).isEqualTo(v.seat().name());
        assertThat(tr.child(2).text()).isEqualTo(v.leader().name());
        assertThat(tr.child(4).text()).isEqualTo(v.trailing().name());
        assertThat(tr.child(6).text()).isEqualTo(String.valueOf(v.margin()));
        assertThat(tr.child(7).text()).isEqualTo(v.round() + "/" + v.rounds());
        assertThat(tr.child(8).text()).isEqualTo(v.statusText());
        for (int[] cell : new int[][] {{3, 0}, {5, 1}}) {
          CandidateCount who = cell[1] == 0 ? v.leader() : v.trailing();
          Element party = tr.child(cell[0]).selectFirst("table > tbody > tr");
          assertThat(party.child(0).text()).isEqualTo(WB.parties().byCode(who.party()).map(Party::name).orElseThrow());
          int[] c = trends.getOrDefault(who.party(), new int[3]);
          assertThat(party.select("div.tooltip td:eq(2)").eachText())
              .containsExactly(String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]));
        }
      }
    }
  }

  @Test
  void a_seat_not_yet_counting_has_empty_candidate_party_and_margin_cells_and_round_zero() {
    Document page = ours(1, 0);
    assertThat(page.select("thead th[colspan=9]").text()).isEqualTo("Status Known For 0 out of 294 Constituencies");
    Element tr = page.selectFirst(ROW);
    SeatView v = MODEL.seatAt(Integer.parseInt(tr.child(1).text()), 0);
    assertThat(tr.children().stream().map(Element::text)).containsExactly(v.seat().name(),
        String.valueOf(v.seat().no()), "", "", "", "", "", "0/" + v.rounds(), SeatView.AWAITING);
    assertThat(tr.select("table")).isEmpty();
    assertThat(tr.child(3).attributes().get("align")).isEqualTo("left");
    assertThat(tr.child(5).attributes().size()).isZero(); // ECI's trailing-party cell has no align, full or empty
  }
}
