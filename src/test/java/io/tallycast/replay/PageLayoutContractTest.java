package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The scraper's parsers are written against the replay-contract fixtures: the replay must render the same
 * elements, classes, attributes, cell order and fixed texts (only the figures and names differ).
 */
class PageLayoutContractTest {
  private static final SyntheticCounting MODEL = new SyntheticCounting(ReplayTestSupport.westBengal(), 2021);
  private static final PageStore PAGES = new PageStore(MODEL);

  @Test
  void the_constituency_page_has_the_structure_of_the_contract() throws IOException {
    long t = firstMoment(2);
    Document contract = fixture("ConstituencywiseS252.htm");
    Document rendered = Jsoup.parse(new String(PAGES.page(PageRef.seat(2), t).body(), StandardCharsets.UTF_8));
    assertThat(skeleton(rendered.body())).isEqualTo(skeleton(contract.body()));
    assertThat(rendered.select("h1").text()).isEqualTo(contract.select("h1").text());
    assertThat(rendered.select("h2").text()).isEqualTo(contract.select("h2").text());
    assertThat(rendered.select("thead").text()).isEqualTo(contract.select("thead").text());
    assertThat(rendered.select("div.roundBtn").text()).matches("Result in Progress Round \\d+/" + MODEL.rounds(2));
    assertThat(rendered.select("tfoot th").get(1).text()).isEqualTo("Total");
    assertThat(rendered.select(".sm-text").text()).matches("Last Updated at \\d\\d:\\d\\d (am|pm) On 02/05/2021");
  }

  @Test
  void the_state_wise_list_page_has_the_structure_of_the_contract_for_awaiting_and_counting_rows() throws IOException {
    long t = firstMoment(-1);
    Document contract = fixture("statewiseS251.htm");
    Document rendered = Jsoup.parse(new String(PAGES.page(PageRef.list(1), t).body(), StandardCharsets.UTF_8));
    assertThat(rendered.select("tbody > tr > td:eq(8)").eachText()).contains("Awaiting", "Result in Progress");
    assertThat(skeleton(rendered.body())).isEqualTo(skeleton(contract.body()));
    assertThat(rendered.select("h1").text()).isEqualTo(contract.select("h1").text());
    assertThat(rendered.select("h2").text()).isEqualTo(contract.select("h2").text());
    assertThat(rendered.select("thead").text()).isEqualTo(contract.select("thead").text());
  }

  @Test
  void shares_are_written_like_eci_with_at_most_two_decimals() {
    assertThat(PageRenderer.percent(3160, 98672)).isEqualTo("3.2");
    assertThat(PageRenderer.percent(51812, 98672)).isEqualTo("52.51");
    assertThat(PageRenderer.percent(1, 2)).isEqualTo("50");
    assertThat(PageRenderer.percent(0, 0)).isEqualTo("0");
  }

  @Test
  void the_footer_time_is_ist_in_eci_wording() {
    assertThat(MODEL.day().pageTime(0)).isEqualTo("08:00 AM On 02/05/2021");
    assertThat(MODEL.day().pageTime(3 * 3600 + 42 * 60 + 59)).isEqualTo("11:42 AM On 02/05/2021");
    assertThat(MODEL.day().pageTime(9 * 3600 + 5 * 60)).isEqualTo("05:05 PM On 02/05/2021");
  }

  /** The first simulated minute at which seat {@code seat} is counting (or, for -1, page 1 mixes awaiting and counting). */
  private static long firstMoment(int seat) {
    for (long t = 0; t < MODEL.totalDurationSeconds(); t += 60) {
      if (seat > 0) {
        if (MODEL.roundAt(seat, t) > 0) {
          return t;
        }
      } else {
        final long now = t;
        boolean awaiting = PAGES.seatsOfPage(1).stream().anyMatch(s -> MODEL.roundAt(s, now) == 0);
        boolean counting = PAGES.seatsOfPage(1).stream().anyMatch(s -> MODEL.roundAt(s, now) > 0);
        if (awaiting && counting) {
          return t;
        }
      }
    }
    throw new AssertionError("no such moment");
  }

  private static Document fixture(String name) throws IOException {
    try (InputStream in = PageLayoutContractTest.class.getResourceAsStream("/eci-pages/replay-contract/" + name)) {
      return Jsoup.parse(in, "UTF-8", "");
    }
  }

  /**
   * Tags, attributes (link targets excepted) and nesting; repeated siblings count once, and the order of row
   * kinds in a table body does not matter.
   */
  static String skeleton(Element e) {
    StringBuilder out = new StringBuilder(e.tagName());
    for (Attribute a : e.attributes()) {
      out.append('[').append(a.getKey()).append('=').append(a.getKey().equals("href") ? "*" : a.getValue()).append(']');
    }
    LinkedHashSet<String> kids = new LinkedHashSet<>();
    for (Element child : e.children()) {
      kids.add(skeleton(child));
    }
    List<String> list = new ArrayList<>(kids);
    if (e.tagName().equals("tbody")) {
      list.sort(String::compareTo);
    }
    return out.append('(').append(String.join(",", list)).append(')').toString();
  }
}
