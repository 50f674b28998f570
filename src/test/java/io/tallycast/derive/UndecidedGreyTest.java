package io.tallycast.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.map.SeatColors;
import org.junit.jupiter.api.Test;

/** derive-data keeps party colours away from the maps' grey; it may not see the map package, so it names it again. */
class UndecidedGreyTest {
  @Test
  void the_grey_derive_data_keeps_party_colours_from_is_the_maps_grey_for_an_undecided_seat() {
    assertThat(PartyColours.UNDECIDED).isEqualTo(SeatColors.NEUTRAL);
    assertThat(PartyColours.tint(0x123456)).isEqualTo(SeatColors.tint(0x123456));
  }

  @Test
  void a_dark_slate_or_grey_is_refused_for_a_party_because_the_seat_it_leads_would_look_undecided() {
    assertThat(PartyColours.apartFromUndecided(0x37474F)).isFalse(); // its tint #9BA3A7 is nearly the grey
    assertThat(PartyColours.apartFromUndecided(0x808080)).isFalse();
    assertThat(PartyColours.apartFromUndecided(0x9E9E9E)).isFalse();
    assertThat(PartyColours.apartFromUndecided(0x483D8B)).isTrue(); // IND: dark slate blue
  }
}
