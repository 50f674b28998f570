package io.tallycast.metadata;

import static io.tallycast.metadata.GeoFixture.box;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.map.SeatMask;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --insets-by}: seats in groups far apart, each group at its own scale in its own labelled panel. The fixture:
 * a town of four 1-degree seats at the equator and a one-seat island 30 degrees east of it.
 */
class InsetMasksTest {
  @TempDir
  Path dir;

  private List<SeatShape> seats(GeoFixture fixture) throws Exception {
    Path file = fixture.write(dir.resolve("insets.geojson"));
    return GeoJsonReader.read(file, new GeoJsonReader.Fields("AC_NO", "AC_NAME", "DIST_NAME", "DIST_NAME")).seats();
  }

  private static GeoFixture townAndIsland() {
    return GeoFixture.collection()
        .polygon("1", "NW", "TOWN", box(0, 0, 1, 1))
        .polygon("2", "NE", "TOWN", box(1, 0, 2, 1))
        .polygon("3", "SW", "TOWN", box(0, -1, 1, 0))
        .polygon("4", "SE", "TOWN", box(1, -1, 2, 0))
        .polygon("5", "ISLAND", "ISLE", box(30, -0.5, 31, 0.5));
  }

  @Test
  void theGroupWithMostSeatsGetsTheMainPanelAndEverySeatLiesInItsGroupsPanel() throws Exception {
    MapBuild map = InsetMasks.rasterise(seats(townAndIsland()), 400, 10, "insets.geojson", Progress.Bar.NONE);

    List<InsetLayout.Panel> panels = map.panels();
    assertThat(panels).extracting(InsetLayout.Panel::name).containsExactly("TOWN", "ISLE");
    InsetLayout.Panel town = panels.get(0);
    InsetLayout.Panel isle = panels.get(1);
    assertThat((long) town.width() * town.height()).isGreaterThan((long) isle.width() * isle.height());
    assertThat(map.raster().width()).isEqualTo(400);
    List<SeatMask> masks = map.raster().masks();
    for (SeatMask seat : masks) {
      InsetLayout.Panel home = seat.seat() == 5 ? isle : town;
      int[] b = seat.bbox();
      assertThat(home.contains(b[0], b[1]) && home.contains(b[0] + b[2] - 1, b[1] + b[3] - 1))
          .as("seat %d inside %s", seat.seat(), home.name()).isTrue();
      assertThat(seat.pixels()).isGreaterThan(1000);
    }
    assertThat(map.conflicts()).isEmpty();
    assertThat(map.rescues()).isEmpty();
  }

  @Test
  void theSmallestSeatIsFarLargerThanOnOnePlainProjection() throws Exception {
    List<SeatShape> seats = seats(townAndIsland());
    long insets = min(InsetMasks.rasterise(seats, 400, 10, "f", Progress.Bar.NONE));
    long plain = min(GeoJsonMasks.rasterise("state", null, seats, 400, 10, "f", Progress.Bar.NONE));

    assertThat(plain).isLessThan(200);
    assertThat(insets).isGreaterThan(50 * plain);
  }

  @Test
  void eachPanelIsFramedAndCarriesItsNameAboveItsSeats() throws Exception {
    MapBuild map = InsetMasks.rasterise(seats(townAndIsland()), 400, 10, "f", Progress.Bar.NONE);
    List<SeatMask> masks = map.raster().masks();
    int[][] labels = masks.stream().map(LabelPoints::of).toArray(int[][]::new);
    BufferedImage base = BaseImage.render(map.raster(), labels, map.panels());

    for (InsetLayout.Panel p : map.panels()) {
      assertThat(base.getRGB(p.x(), p.y() + p.height() / 2)).as("left frame of %s", p.name())
          .isEqualTo(BaseImage.SEAT_BORDER);
      long caption = 0;
      for (int y = p.y() + 1; y < p.y() + p.band(); y++) {
        for (int x = p.x() + 1; x < p.x() + p.width() - 1; x++) {
          caption += base.getRGB(x, y) == BaseImage.CAPTION ? 1 : 0;
        }
      }
      assertThat(caption).as("caption pixels of %s", p.name()).isPositive();
    }
    assertThat(map.transform().get("panels")).asList().hasSize(2);
  }

  @Test
  void aSeatWhosePartsNameTwoInsetsIsDrawnInBothPanels() throws Exception {
    MapBuild map = InsetMasks.rasterise(seats(townAndIsland().polygon("1", "NW", "ISLE", box(31, -0.5, 32, 0.5))),
        400, 10, "f", Progress.Bar.NONE);

    SeatMask nw = map.raster().masks().get(0);
    InsetLayout.Panel town = map.panels().get(0);
    InsetLayout.Panel isle = map.panels().get(1);
    int[] b = nw.bbox();
    assertThat(town.contains(b[0], b[1])).isTrue();
    assertThat(isle.contains(b[0] + b[2] - 1, b[1] + b[3] - 1)).isTrue();
  }

  private static long min(MapBuild map) {
    return map.raster().masks().stream().mapToLong(SeatMask::pixels).min().orElseThrow();
  }
}
