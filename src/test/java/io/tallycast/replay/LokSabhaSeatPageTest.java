package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatResult;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.ParsedCandidate;
import io.tallycast.scrape.page.ParsedListRow;
import io.tallycast.scrape.page.ParsedSeatPage;
import io.tallycast.support.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replay of the Lok Sabha 2024 serves each constituency page in the structure of the real saved 2024 page: the
 * same reading of it (layout, seat, state, candidates and figures) comes out of the real Krishnanagar page and of the
 * replay's page for that seat at the end of the day.
 */
class LokSabhaSeatPageTest {
  private static final String REAL = "eci-pages/2024-lok-sabha/ConstituencywiseS2512.htm";

  private static String page(SyntheticCounting model, int seat, double elapsed) {
    return page(model, PageRef.constituency(seat), elapsed);
  }

  private static String page(SyntheticCounting model, PageRef ref, double elapsed) {
    PageStore store = new PageStore(model);
    return new String(store.page(ref, elapsed).body(), StandardCharsets.UTF_8);
  }

  /** A candidate as both pages can be compared: name, party (spacing aside) and votes. */
  private static List<String> candidates(ParsedSeatPage page) {
    return page.candidates().stream().map((ParsedCandidate c) -> c.name() + "|" + PartyRegistry.normalize(c.party())
        + "|" + c.evmVotes() + "|" + c.postalVotes() + "|" + c.totalVotes()).sorted().toList();
  }

  @Test
  void the_replays_final_krishnanagar_page_reads_as_the_real_2024_page_does() throws Exception {
    ParsedSeatPage real = EciPages.parseSeatPage(SharedData.text(REAL), "ConstituencywiseS2512.htm");
    ElectionData westBengal = Election.embedded("ls2024").require("S25");
    SyntheticCounting model = new SyntheticCounting(westBengal, 2024);

    ParsedSeatPage ours = EciPages.parseSeatPage(page(model, real.seatNo(), model.totalDurationSeconds()),
        "ConstituencywiseS2512.htm");

    assertThat(ours.layout()).isEqualTo(real.layout());
    assertThat(ours.seatNo()).isEqualTo(real.seatNo());
    assertThat(ours.seatName()).isEqualToIgnoringCase(real.seatName());
    assertThat(ours.state()).isEqualTo(real.state());
    assertThat(candidates(ours)).isEqualTo(candidates(real));
    assertThat(List.of(ours.footerEvm(), ours.footerPostal(), ours.footerTotal()))
        .isEqualTo(List.of(real.footerEvm(), real.footerPostal(), real.footerTotal()));
    assertThat(ours.sourceTime()).isNotNull();
  }

  @Test
  void while_counting_the_page_says_its_round_in_the_2024_round_box() throws Exception {
    ElectionData westBengal = Election.embedded("ls2024").require("S25");
    SyntheticCounting model = new SyntheticCounting(westBengal, 2024);
    int round = model.rounds(12) / 2;
    double elapsed = model.declarationSeconds(12) - (model.rounds(12) - round) * 60.0;
    int shown = model.roundAt(12, elapsed);

    ParsedSeatPage ours = EciPages.parseSeatPage(page(model, 12, elapsed), "ConstituencywiseS2512.htm");

    assertThat(ours.layout()).isEqualTo("eci-2024");
    assertThat(ours.roundsDone()).isEqualTo(shown);
    assertThat(ours.roundsTotal()).isEqualTo(model.rounds(12));
    assertThat(ours.status()).isEqualTo(shown < model.rounds(12) ? "Result in Progress" : "Result Declared");
  }

  @Test
  void surat_uncontested_is_declared_from_the_start_with_its_winner_and_no_votes_as_eci_showed_it() throws Exception {
    ElectionData gujarat = Election.embedded("ls2024").require("S06");
    SeatResult surat = gujarat.finals().values().stream().filter(SeatResult::uncontested).findFirst().orElseThrow();
    CandidateResult winner = surat.winner();
    SyntheticCounting model = new SyntheticCounting(gujarat, 2024);
    String url = "ConstituencywiseS06" + surat.seat() + ".htm";

    String html = page(model, surat.seat(), 0);
    ParsedSeatPage ours = EciPages.parseSeatPage(html, url);

    assertThat(html).contains(winner.candidate() + " ( Uncontested )");
    assertThat(ours.status()).isEqualTo("Uncontested");
    assertThat(ours.candidates()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo(winner.candidate());
      assertThat(c.party()).isEqualTo(new EciParties(gujarat.parties()).name(winner.party()));
      assertThat(c.totalVotes()).isZero();
    });
    assertThat(ours.footerTotal()).isZero();
    assertThat(EciPages.parseSeatPage(page(model, surat.seat(), model.totalDurationSeconds()), url).status())
        .isEqualTo("Uncontested");

    ParsedListRow row = null;
    for (int p = 1; row == null; p++) {
      row = EciPages.parseListPage(page(model, PageRef.list(p), 0), "statewiseS06" + p + ".htm").rows().stream()
          .filter(r -> r.seatNo() == surat.seat()).findFirst().orElse(null);
    }
    assertThat(row.leadingCandidate()).isEqualTo(winner.candidate());
    assertThat(row.trailingCandidate()).isNull();
    assertThat(row.margin()).isNull();
    assertThat(row.status()).isEqualTo("Uncontested");
  }
}
