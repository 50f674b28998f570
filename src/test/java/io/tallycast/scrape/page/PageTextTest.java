package io.tallycast.scrape.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading numbers and the "Last Updated" line. */
class PageTextTest {

  @Test
  void counts_may_be_grouped_with_commas_but_must_be_whole_non_negative_numbers() {
    assertThat(PageText.count("0")).isZero();
    assertThat(PageText.count("1425712")).isEqualTo(1425712L);
    assertThat(PageText.count("14,25,712")).isEqualTo(1425712L);
    assertThat(PageText.count("1,425,712")).isEqualTo(1425712L);
    assertThat(PageText.count("")).isNull();
    assertThat(PageText.count(",1")).isNull();
    assertThat(PageText.count("1,")).isNull();
    assertThat(PageText.count("1,,2")).isNull();
    assertThat(PageText.count("-5")).isNull();
    assertThat(PageText.count("1.5")).isNull();
    assertThat(PageText.count("1 5")).isNull();
    assertThat(PageText.count("1234567890123456")).as("too many digits to be votes").isNull();
  }

  @Test
  void text_collapses_every_kind_of_space() {
    assertThat(PageText.normalize("\u00a0 Communist Party of India \u00a0(Marxist)\n\t ")).isEqualTo(
        "Communist Party of India (Marxist)");
  }

  @Test
  void last_updated_reads_twelve_am_as_midnight_and_either_date_order() throws Exception {
    assertThat(LastUpdated.parse("Last Updated at 12:05 am On 05/06/2024", LastUpdated.DAY_FIRST).time())
        .isEqualTo(Instant.parse("2024-06-04T18:35:00Z"));
    assertThat(LastUpdated.parse("Last Updated at 12:05 PM On 06/05/2024", LastUpdated.MONTH_FIRST).time())
        .isEqualTo(Instant.parse("2024-06-05T06:35:00Z"));
  }

  @Test
  void last_updated_that_is_not_a_time_is_refused() {
    assertThatThrownBy(() -> LastUpdated.parse("Last Updated at soon", LastUpdated.DAY_FIRST))
        .isInstanceOf(PageFormatException.class)
        .hasMessage("cannot read the time in 'Last Updated at soon' (truncated?)");
    assertThatThrownBy(() -> LastUpdated.parse("Last Updated at 13:05 pm On 05/06/2024", LastUpdated.DAY_FIRST))
        .isInstanceOf(PageFormatException.class).hasMessageEndingWith("is not a valid date and time");
  }
}
