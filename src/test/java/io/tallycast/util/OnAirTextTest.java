package io.tallycast.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What goes on air is the characters a viewer should see: no invisible controls, Bengali spelling intact. */
class OnAirTextTest {

  @Test
  void bidi_embeddings_overrides_isolates_and_marks_are_removed() {
    assertThat(OnAirText.clean("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl"))
        .isEqualTo("abcdefghijkl");
  }

  @Test
  void other_invisible_format_characters_and_controls_are_removed_too() {
    assertThat(OnAirText.clean("\uFEFFzero\u200Bwidth soft\u00ADhyphen word\u2060joiner bell\u0007 nul\u0000 del\u007F "
        + "c1\u009B tag\uDB40\uDC01")).isEqualTo("zerowidth softhyphen wordjoiner bell nul del c1 tag");
  }

  @Test
  void zwnj_and_zwj_stay_since_bengali_spells_with_them() {
    String rally = "\u09B0\u200D\u09CD\u09AF\u09BE\u09B2\u09BF"; // "rally": ra, ZWJ, virama, ya (ya-phala)
    String withZwnj = "\u0995\u09CD\u200C\u09B7"; // ক্‌ষ: ka and ssa kept apart
    assertThat(OnAirText.clean(rally)).isEqualTo(rally);
    assertThat(OnAirText.clean(withZwnj)).isEqualTo(withZwnj);
    assertThat(OnAirText.clean("\u202E" + rally + "\u202C")).isEqualTo(rally);
  }

  @Test
  void the_text_is_nfc_so_one_name_is_always_the_same_characters() {
    // ভোট (vote) typed with o as e + aa: NFC composes the vowel sign
    assertThat(OnAirText.clean("\u09AD\u09C7\u09BE\u099F")).isEqualTo("\u09AD\u09CB\u099F");
    assertThat(OnAirText.clean("Jose\u0301")).isEqualTo("Jos\u00E9");
  }

  @Test
  void whitespace_of_any_kind_becomes_single_spaces_with_none_at_the_ends() {
    assertThat(OnAirText.clean(" \t MUKUL\u00A0\u00A0ROY\nBJP\r\n\u2028x\u3000 ")).isEqualTo("MUKUL ROY BJP x");
    assertThat(OnAirText.clean("a \u202E b")).isEqualTo("a b");
    assertThat(OnAirText.clean("\u200E \u200F")).isEmpty();
  }

  @Test
  void lone_surrogates_are_removed_and_pairs_kept() {
    assertThat(OnAirText.clean("a\uD800b\uDC00c")).isEqualTo("abc");
    assertThat(OnAirText.clean("vote \uD83D\uDDF3")).isEqualTo("vote \uD83D\uDDF3");
  }

  @Test
  void clean_text_comes_back_as_it_is_and_null_stays_null() {
    String plain = "MUKUL ROY (BJP) 41,000";
    assertThat(OnAirText.clean(plain)).isSameAs(plain);
    assertThat(OnAirText.clean("<img src=x>")).isEqualTo("<img src=x>"); // text, escaped where it is shown
    assertThat(OnAirText.clean(null)).isNull();
    assertThat(OnAirText.clean("")).isEmpty();
  }
}
