package io.tallycast.replay;

import static io.tallycast.replay.Skeleton.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.tallycast.support.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Our {@code partywiseresult-S25.htm} has the shape of the real 2026 pages ({@code partywiseresult-S22-1240.htm}
 * before any seat was declared, {@code -1712.htm} after) under the selectors a parser uses.
 */
class PartywisePageStructureTest {
  private static final ElectionData WB = ReplayTestSupport.westBengal();
  private static final SyntheticCounting MODEL = new SyntheticCounting(WB, 2021);
  private static final PageStore PAGES = new PageStore(MODEL);
  private static final String TABLE = "div.rslt-table.teble-responsive > table.table";
  private static final String ROW = TABLE + " > tbody > tr";

  private static Document real(String time) {
    return Jsoup.parse(SharedData.text("eci-pages/2026-assembly/partywiseresult-S22-" + time + ".htm"));
  }

  private static Document ours(double t) {
    return Jsoup.parse(new String(PAGES.page(PageRef.PARTY, t).body(), StandardCharsets.UTF_8));
  }

  /** A moment like 05:12 PM: the first party has seats won and leading, another leads without having won. */
  private static double afternoon() {
    for (long t = 0; t < MODEL.totalDurationSeconds(); t += 300) {
      Document page = ours(t);
      List<Element> rows = page.select(ROW);
      if (!rows.isEmpty() && rows.get(0).select("a").size() == 2
          && rows.stream().anyMatch(r -> r.child(1).select("a").isEmpty() && !r.child(2).select("a").isEmpty())) {
        return t;
      }
    }
    throw new AssertionError("no such moment");
  }

  /** The parts a parser reads, with the tables' bodies cut to their first row (rows are compared one by one). */
  private static void assertSamePartsAs(Document real, Document ours) {
    for (String part : List.of("div.page-title", "div.row.justify-content-center", TABLE + " > thead",
        TABLE + " > tfoot", "div.card-header:has(select)", "h3.foot-title", "footer.footer")) {
      assertSameShape(part, real.selectFirst(part), ours.selectFirst(part));
    }
    assertSameShape("the first party's row", real.selectFirst(ROW), ours.selectFirst(ROW));
    Element realCard = real.selectFirst("div.card:has(div.rslt-table)").clone();
    Element ourCard = ours.selectFirst("div.card:has(div.rslt-table)").clone();
    realCard.select("tbody > tr:gt(0)").remove();
    ourCard.select("tbody > tr:gt(0)").remove();
    assertSameShape("the card 'Party Wise Results' around its table", realCard, ourCard);
  }

  @Test
  void before_any_declaration_the_page_has_the_structure_of_the_real_one_at_12_40() {
    double t = 3 * 3600; // every seat counting, none declared yet
    assertThat(MODEL.seatNumbers()).noneMatch(s -> MODEL.seatAt(s, t).status() == SeatStatus.DECLARED);
    assertSamePartsAs(real("1240"), ours(t));
  }

  @Test
  void after_declarations_the_page_has_the_structure_of_the_real_one_at_17_12() {
    Document real = real("1712");
    Document ours = ours(afternoon());
    assertSamePartsAs(real, ours);
    assertSameShape("a row with seats won and leading (links)", real.selectFirst(ROW + ":has(td:eq(1) a)"),
        ours.selectFirst(ROW + ":has(td:eq(1) a):has(td:eq(2) a)"));
    assertSameShape("a row with no seat won (a bare 0)", real.selectFirst(ROW + ":not(:has(td:eq(1) a))"),
        ours.selectFirst(ROW + ":not(:has(td:eq(1) a)):has(td:eq(2) a)"));
  }

  @Test
  void figures_and_links_follow_ecis_scheme_and_add_up_to_the_seats_with_a_known_leader() {
    double t = afternoon();
    Document page = ours(t);
    Map<String, int[]> expected = new HashMap<>(); // won, leading
    for (int seat : MODEL.seatNumbers()) {
      SeatView v = MODEL.seatAt(seat, t);
      if (v.leader() != null) {
        expected.computeIfAbsent(v.leader().party(), k -> new int[2])[v.status() == SeatStatus.DECLARED ? 0 : 1]++;
      }
    }
    assertThat(page.select(TABLE + " > thead th").eachText()).containsExactly("Party", "Won", "Leading", "Total");
    assertThat(page.select("div.page-title h2").text()).isEqualTo("West Bengal (Total AC : 294)");
    int won = 0;
    int leading = 0;
    int previousTotal = Integer.MAX_VALUE;
    for (Element row : page.select(ROW)) {
      String[] nameAndCode = row.child(0).text().split(" - ");
      String code = nameAndCode[nameAndCode.length - 1];
      assertThat(WB.parties().byCode(code).orElseThrow().name()).isEqualTo(nameAndCode[0]);
      int[] counts = expected.remove(code);
      assertThat(row.children().eachText()).containsExactly(row.child(0).text(), String.valueOf(counts[0]),
          String.valueOf(counts[1]), String.valueOf(counts[0] + counts[1]));
      int id = EciParties.id(code);
      assertThat(row.child(1).select("a").eachAttr("href"))
          .isEqualTo(counts[0] == 0 ? List.of() : List.of("partywisewinresult-" + id + "S25.htm"));
      assertThat(row.child(2).select("a").eachAttr("href"))
          .isEqualTo(counts[1] == 0 ? List.of() : List.of("partywiseleadresult-" + id + "S25.htm"));
      assertThat(counts[0] + counts[1]).isLessThanOrEqualTo(previousTotal);
      previousTotal = counts[0] + counts[1];
      won += counts[0];
      leading += counts[1];
    }
    assertThat(expected).isEmpty();
    assertThat(page.select(TABLE + " > tfoot th").eachText()).containsExactly("Total", String.valueOf(won),
        String.valueOf(leading), String.valueOf(won + leading));
    assertThat(page.select("div.grid-box h4").eachText())
        .isEqualTo(page.select(ROW).stream().limit(7).map(r -> r.child(0).text().replaceAll(".* - ", "")).toList());
    assertThat(page.select("select#ctl00_ContentPlaceHolder1_Result1_ddlState option")).hasSize(295);
    assertThat(page.select("option[value=S25146], option[value=S25255]").eachText())
        .containsExactly("BISHNUPUR - 146", "BISHNUPUR - 255");
  }

  @Test
  void ecis_party_ids_are_used_where_known_and_others_get_a_stable_made_up_one() {
    assertThat(EciParties.id("BJP")).isEqualTo(369);
    assertThat(EciParties.id("AITC")).isEqualTo(140);
    assertThat(EciParties.id("CPI(M)")).isEqualTo(547);
    assertThat(EciParties.id("TVK")).isEqualTo(3679);
    assertThat(EciParties.id("RSSCMJP")).isEqualTo(EciParties.id("RSSCMJP")).isGreaterThanOrEqualTo(100_000);
    assertThat(EciParties.id("IND")).isNotEqualTo(EciParties.id("RSSCMJP"));
  }
}
