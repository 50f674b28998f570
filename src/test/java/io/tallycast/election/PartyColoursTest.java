package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.map.SeatColors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The party table's colours on a map: none is the grey the maps paint a seat with no result or leader yet, nor looks
 * like it, in full (a won seat) or as the half-white tint of a lead; a party no palette knows has a colour of its own;
 * every party of the four other states of 2 May 2021 is in the table.
 */
class PartyColoursTest {
  /** CIE76 distances (Lab, D65) under which a colour passes for the grey at a glance. */
  private static final double NEAR = 20;
  private static final double NEAR_TINT = 10;

  private final PartyRegistry parties = ElectionData.westBengal2021().parties();

  private static int rgb(Party p) {
    return Integer.parseInt(p.color().substring(1), 16);
  }

  @Test
  void no_party_colour_is_or_looks_like_the_maps_grey_for_an_undecided_seat_won_or_led() {
    List<String> near = new ArrayList<>();
    for (Party p : parties.all()) {
      double won = Lab.distance(rgb(p), SeatColors.NEUTRAL);
      double led = Lab.distance(SeatColors.tint(rgb(p)), SeatColors.NEUTRAL);
      if (rgb(p) == SeatColors.NEUTRAL || won < NEAR || led < NEAR_TINT) {
        near.add(p.code() + " " + p.color() + String.format(" (%.1f, led %.1f)", won, led));
      }
    }
    assertThat(near).as("parties coloured like " + SeatColors.hex(SeatColors.NEUTRAL)).isEmpty();
    assertThat(parties.all()).hasSizeGreaterThan(300);
  }

  @Test
  void independents_are_dark_slate_blue_no_longer_grey() {
    Party ind = parties.require("IND");
    assertThat(ind.color()).isEqualTo("#483D8B");
    int c = rgb(ind);
    assertThat((c >> 16) & 0xFF).isNotEqualTo(c & 0xFF); // not a grey
  }

  @Test
  void every_party_label_of_the_four_states_2021_and_2016_results_resolves_to_a_party_with_name_and_colour()
      throws Exception {
    Set<String> labels = new TreeSet<>();
    for (String folder : SharedSources.FIVE_STATES_FOLDERS) {
      for (int year : List.of(2021, 2016)) {
        SharedSources.electionLens(folder, year).elements().forEachRemaining(seat -> seat.get("candidates")
            .forEach(c -> labels.add(c.get("party").asText())));
      }
    }
    List<String> unknown = labels.stream().filter(l -> parties.resolve(l).isEmpty()).toList();
    assertThat(unknown).isEmpty();
    for (String label : labels) {
      Party p = parties.require(label);
      assertThat(p.name()).as(label).isNotBlank();
      assertThat(p.color()).as(label).matches("#[0-9A-F]{6}");
    }
    assertThat(labels).hasSizeGreaterThan(200);
    // one party, one code: ElectionLens's and ECI's spellings of a party resolve to the code West Bengal uses
    assertThat(parties.require("CPM").code()).isEqualTo(parties.require("CPI(M)").code()).isEqualTo("CPM");
    assertThat(parties.require("BOPF").code()).isEqualTo(parties.require("BPF").code());
    assertThat(parties.require("ADMK").code()).isEqualTo(parties.require("AIADMK").code());
    assertThat(parties.require("WPOI").code()).isEqualTo(parties.require("Welfare Party Of India").code());
  }

  @Test
  void a_party_no_palette_knows_has_a_colour_no_other_party_has() throws Exception {
    Set<String> known = new HashSet<>();
    for (Map<String, String> row : SharedSources.csv("parties/colors-electionlens.csv")) {
      known.add(row.get("key"));
      known.add(PartyRegistry.normalize(row.get("name")));
    }
    for (Map<String, String> row : SharedSources.csv("parties/colors-143prudhvi.csv")) {
      known.add(row.get("code"));
      known.add(PartyRegistry.normalize(row.get("name")));
    }
    Map<String, List<String>> byColour = new TreeMap<>();
    parties.all().forEach(p -> byColour.computeIfAbsent(p.color(), k -> new ArrayList<>()).add(p.code()));
    List<String> shared = new ArrayList<>();
    int unknown = 0;
    for (Party p : parties.all()) {
      if (!known.contains(p.code()) && !known.contains(PartyRegistry.normalize(p.name()))) {
        unknown++;
        if (byColour.get(p.color()).size() > 1) {
          shared.add(p.code() + " " + p.color() + " " + byColour.get(p.color()));
        }
      }
    }
    assertThat(shared).isEmpty();
    assertThat(unknown).isGreaterThan(200);
  }

  /** sRGB to CIE Lab (D65), written here apart from derive-data's own. */
  private static final class Lab {
    static double distance(int a, int b) {
      double[] x = lab(a);
      double[] y = lab(b);
      return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(int rgb) {
      double[] c = {lin(rgb >> 16 & 0xFF), lin(rgb >> 8 & 0xFF), lin(rgb & 0xFF)};
      double x = (0.4124564 * c[0] + 0.3575761 * c[1] + 0.1804375 * c[2]) / 0.95047;
      double y = 0.2126729 * c[0] + 0.7151522 * c[1] + 0.0721750 * c[2];
      double z = (0.0193339 * c[0] + 0.1191920 * c[1] + 0.9503041 * c[2]) / 1.08883;
      return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double lin(int v) {
      double s = v / 255.0;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
      double d = 6.0 / 29;
      return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }
  }
}
