package io.tallycast.replay;

import static io.tallycast.replay.Skeleton.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatResult;
import io.tallycast.support.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Our two 2026 pages of a seat are our reconstruction ({@code src/test/resources/eci-pages/reconstructed-2026/}, Habra,
 * seat 100, declared at 08:42 PM) exactly, and the cards have the shape of ECI's real 2024 card markup. The replay
 * shows Habra's figures as read from the reconstruction's own table, so even the texts can be compared.
 */
class ConstituencyPagesStructureTest {
  private static final String CARD = "div.box-wraper";
  private static final String ROW = "div.table-responsive > table > tbody > tr";
  /** 08:42 PM on counting day: 12 h 42 min after 08:00. */
  private static final long DECLARED_AT = (12 * 60 + 42) * 60;

  private static Document reconstruction(String file) throws IOException {
    try (InputStream in = ConstituencyPagesStructureTest.class.getResourceAsStream("/eci-pages/reconstructed-2026/"
        + file)) {
      return Jsoup.parse(in, "UTF-8", "");
    }
  }

  /** Habra's candidates as the reconstructed table lists them (ballot order, NOTA last), parties by full name. */
  private static List<String[]> habra() throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (Element tr : reconstruction("ConstituencywiseS25100.htm").select(ROW)) {
      rows.add(tr.children().eachText().subList(1, 5).toArray(String[]::new)); // name, party, evm, postal
    }
    return rows;
  }

  /** A one-seat West Bengal showing Habra at {@code round} of 19; a party's code is its position in the table. */
  private static FixedCounting habraAt(int round, String status) throws IOException {
    List<String[]> rows = habra();
    Map<String, Party> parties = new LinkedHashMap<>();
    List<CandidateCount> counts = new ArrayList<>();
    List<CandidateResult> ballot = new ArrayList<>();
    for (String[] row : rows) {
      Party party = parties.computeIfAbsent(row[1], name -> name.equals("None of the Above")
          ? new Party(Party.NOTA, name, "#5A5A5A", List.of())
          : new Party("P" + parties.size(), name, "#123456", List.of()));
      long evm = Long.parseLong(row[2]) * round / 19;
      long postal = Long.parseLong(row[3]) * round / 19;
      counts.add(new CandidateCount(row[0], party.code(), evm, postal));
      ballot.add(new CandidateResult(row[0], party.code(), evm + postal));
    }
    counts.sort(Comparator.comparingLong(CandidateCount::total).reversed().thenComparing(CandidateCount::name));
    Constituency habra = new Constituency(100, "HABRA", "NORTH 24 PARGANAS", "GEN");
    ElectionData data = new ElectionData("West Bengal", "S25", new PartyRegistry(parties.values()),
        new TreeMap<>(Map.of(100, habra)), Map.of(), 2021, Map.of(100, new SeatResult(100, ballot)));
    SeatView view = new SeatView(habra, round, 19, List.copyOf(counts), round == 0 ? 0 : DECLARED_AT, status);
    return FixedCounting.on(LocalDate.of(2026, 5, 4), data, Map.of(100, view));
  }

  private static Document ours(CountingModel model, PageRef page) {
    return Jsoup.parse(new String(new PageStore(model).page(page, 0).body(), StandardCharsets.UTF_8));
  }

  @Test
  void the_cards_page_is_the_reconstruction_in_structure_and_text() throws IOException {
    Document expected = reconstruction("candidateswise-S25100.htm");
    Document ours = ours(habraAt(19, SeatView.DECLARED), PageRef.candidates(100));
    for (String part : List.of("head", "header.header", "div.page-title", "div.roundwrap", CARD, "footer.footer")) {
      assertSameShape(part, expected.selectFirst(part), ours.selectFirst(part));
    }
    assertSameShape("the whole body", expected.body(), ours.body());
    assertThat(ours.body().text()).isEqualTo(expected.body().text());
  }

  @Test
  void the_cards_have_the_shape_of_ecis_real_2024_cards() throws IOException {
    Document real = Jsoup.parse(
        SharedData.text("eci-pages/2024-assembly-fragment/cand-box_fragment_S13_2024_UNATTRIBUTED.html"));
    Document ours = ours(habraAt(19, SeatView.DECLARED), PageRef.candidates(100));
    assertSameShape("the cards (won, lost, NOTA)", real.selectFirst(CARD), ours.selectFirst(CARD));
    assertThat(ours.select("div.cand-box .status > div:eq(1)").first().html())
        .matches("\\d+ <span>\\(\\+ \\d+\\)</span>");
    assertThat(ours.select("div.cand-box .status > div:eq(1)").last().html()).matches("\\d+ <span>\\( -\\d+\\)</span>");
  }

  @Test
  void while_counting_the_cards_say_leading_and_trailing_and_nota_says_nothing() throws IOException {
    Document page = ours(habraAt(7, SeatView.IN_PROGRESS), PageRef.candidates(100));
    assertThat(page.select("div.round-status").text()).isEqualTo("Status of EVM Round: 7/19");
    assertThat(page.select("div.round-status span").text()).isEqualTo("7");
    List<String> statuses = page.select("div.cand-box div.status").stream().map(e -> e.className().strip()).toList();
    assertThat(statuses.get(0)).isEqualTo("status leading");
    assertThat(statuses.subList(1, statuses.size() - 1)).containsOnly("status trailing");
    assertThat(statuses.get(statuses.size() - 1)).isEqualTo("status");
    assertThat(page.select("div.cand-box h5").last().text()).isEqualTo("NOTA");
    assertThat(page.select("div.cand-box figure img").last().attr("src")).isEqualTo("img/nota.jpg");
  }

  @Test
  void before_any_vote_is_counted_no_card_has_a_status_and_the_round_is_zero() throws IOException {
    Document page = ours(habraAt(0, SeatView.AWAITING), PageRef.candidates(100));
    assertThat(page.select("div.round-status").text()).isEqualTo("Status of EVM Round: 0/19");
    assertThat(page.select("div.cand-box div.status").eachAttr("class")).allMatch(c -> c.strip().equals("status"));
    assertThat(page.select("div.cand-box .status > div:eq(1)").eachText()).allMatch(t -> t.startsWith("0 "));
  }

  @Test
  void the_table_page_is_the_reconstruction_in_structure_and_its_rows_follow_the_datas_order_with_nota_last()
      throws IOException {
    Document expected = reconstruction("ConstituencywiseS25100.htm");
    FixedCounting model = habraAt(19, SeatView.DECLARED);
    Document ours = ours(model, PageRef.constituency(100));
    for (String part : List.of("head", "header.header", "div.page-title", "div.roundwrap",
        "div.table-responsive > table > thead", ROW, "div.table-responsive > table > tfoot", "footer.footer")) {
      assertSameShape(part, expected.selectFirst(part), ours.selectFirst(part));
    }
    assertSameShape("the whole body", expected.body(), ours.body());
    for (String fixed : List.of("div.page-title", "div.roundwrap", "thead", "tfoot", "footer")) {
      assertThat(ours.select(fixed).text()).as(fixed).isEqualTo(expected.select(fixed).text());
    }
    List<String> ourRows = ours.select(ROW).stream()
        .map(tr -> tr.children().eachText().subList(1, 7).toString()).toList();
    List<String> realRows = expected.select(ROW).stream()
        .map(tr -> tr.children().eachText().subList(1, 7).toString()).toList();
    // the table lists the candidates in ballot order, as the data keeps it (the reconstruction's own order)
    assertThat(ourRows).containsExactlyElementsOf(realRows);
    assertThat(ours.select(ROW + " > td:eq(0)").eachText()).isEqualTo(expected.select(ROW + " > td:eq(0)").eachText());
    List<String> dataOrder = new ArrayList<>();
    model.data().finals().get(100).ballot().stream().filter(c -> !c.party().equals(Party.NOTA))
        .forEach(c -> dataOrder.add(c.candidate()));
    dataOrder.add("NOTA");
    assertThat(ours.select(ROW + " > td:eq(1)").eachText()).isEqualTo(dataOrder);
  }

  @Test
  void shares_are_written_like_eci_with_at_most_two_decimals() {
    assertThat(ConstituencyPagesRenderer.percent(3160, 98672)).isEqualTo("3.2");
    assertThat(ConstituencyPagesRenderer.percent(51812, 98672)).isEqualTo("52.51");
    assertThat(ConstituencyPagesRenderer.percent(1, 2)).isEqualTo("50");
    assertThat(ConstituencyPagesRenderer.percent(0, 0)).isEqualTo("0");
  }
}
