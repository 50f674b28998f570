package io.tallycast.map;

import static io.tallycast.map.SyntheticMaps.BACKGROUND;
import static io.tallycast.map.SyntheticMaps.BORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCanvasTest {
  @TempDir
  Path dir;

  @Test
  void a_seat_takes_its_colour_only_where_the_base_is_transparent_and_blends_half_transparent_pixels()
      throws Exception {
    SyntheticMaps.write(dir, "T", 2, List.of(11, 12, 13), List.of("A", "A", "B"));
    MapDefinition map = MapDefinition.load("state", dir);
    try (MapCanvas canvas = MapCanvas.build(map)) {
      assertThat(canvas.rgbAt(20, 25)).as("interior starts neutral").isEqualTo(SeatColors.NEUTRAL);
      assertThat(canvas.rgbAt(0, 0)).as("border").isEqualTo(BORDER & 0xFFFFFF);
      assertThat(canvas.rgbAt(85, 10)).as("background").isEqualTo(BACKGROUND & 0xFFFFFF);
      assertThat(canvas.rgbAt(60, 75)).as("the empty grid cell is background").isEqualTo(BACKGROUND & 0xFFFFFF);

      assertThat(canvas.repaint(Map.of(11, 0xFF0000, 13, 0x0000FF, 99, 0x00FF00))).containsExactlyInAnyOrder(11, 13);
      assertThat(canvas.rgbAt(20, 25)).isEqualTo(0xFF0000);
      assertThat(canvas.rgbAt(39, 25)).as("seat 11's right border stays").isEqualTo(BORDER & 0xFFFFFF);
      assertThat(canvas.rgbAt(5, 5)).as("half-transparent white over red").isEqualTo(0xFF8080);
      assertThat(canvas.rgbAt(60, 25)).as("seat 12 untouched").isEqualTo(SeatColors.NEUTRAL);
      assertThat(canvas.rgbAt(20, 75)).isEqualTo(0x0000FF);
      assertThat(canvas.repaint(Map.of(11, 0xFF0000))).as("same colour again: nothing to do").isEmpty();

      byte[] png = canvas.snapshot().bytes();
      assertThat(PngCheck.imageIoPixels(png)).isEqualTo(PngCheck.rgbOf(canvas.png().pixels()));
      assertThat(canvas.takeRepainted()).containsExactly(11, 13);
      assertThat(canvas.needsPublish).isFalse();
    }
  }

  @Test
  void tints_are_half_way_to_white_and_unknown_states_are_neutral() {
    SeatColors colors = new SeatColors(io.tallycast.election.ElectionData.westBengal2021().parties());
    int aitc = Integer.parseInt(io.tallycast.election.ElectionData.westBengal2021().parties().byCode("AITC")
        .orElseThrow().color().substring(1), 16);
    assertThat(colors.of("declared", "AITC")).isEqualTo(aitc);
    assertThat(colors.of("counting", "AITC")).isEqualTo(SeatColors.tint(aitc));
    assertThat(colors.of("counting", null)).isEqualTo(SeatColors.NEUTRAL);
    assertThat(colors.of("awaiting", null)).isEqualTo(SeatColors.NEUTRAL);
    assertThat(SeatColors.tint(0x000000)).isEqualTo(0x808080);
    assertThat(SeatColors.tint(0xFFFFFF)).isEqualTo(0xFFFFFF);
    assertThat(SeatColors.tint(0x20C646)).isEqualTo(0x90E3A3);
  }
}
