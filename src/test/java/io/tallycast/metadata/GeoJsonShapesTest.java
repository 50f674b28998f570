package io.tallycast.metadata;

import static io.tallycast.metadata.GeoFixture.box;
import static io.tallycast.metadata.GeoFixture.geometry;
import static io.tallycast.metadata.GeoFixture.ring;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.map.SeatMask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes in tiny GeoJSON files: 10 degrees of longitude on a 100 px map, so every expected count is arithmetic. */
class GeoJsonShapesTest {
  @TempDir
  Path dir;

  @Test
  void aSeatSplitAcrossTwoFeaturesWithTheSameIdIsOneSeatWithThePixelsOfBoth() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "MAINLAND", "D", box(0, -5, 4, 5))
        .polygon("2", "OTHER", "D", box(4, -5, 6, 5))
        .polygon("1", "MAINLAND", "D", box(6, -5, 10, 5))
        .write(dir.resolve("split.geojson")));

    assertThat(map.raster().seats()).extracting(SeatMeta::no).containsExactly(1, 2);
    SeatMask one = map.raster().masks().get(0);
    assertThat(one.pixels()).isEqualTo(40 * 100 + 40 * 100);
    assertThat(one.bbox()).containsExactly(0, 0, 100, 100);
    assertThat(one.contains(5, 50)).isTrue();
    assertThat(one.contains(95, 50)).isTrue();
    assertThat(one.contains(50, 50)).isFalse();
    assertThat(map.raster().masks().get(1).pixels()).isEqualTo(20 * 100);
  }

  @Test
  void aMultiPolygonIsOneSeatWithThePixelsOfEveryPart() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .multiPolygon("7", "ISLANDS", "D", List.of(box(0, -5, 2, -3)), List.of(box(8, 3, 10, 5)))
        .polygon("8", "MIDDLE", "D", box(3, -2, 7, 2))
        .write(dir.resolve("multi.geojson")));

    SeatMask islands = map.raster().masks().get(0);
    assertThat(islands.pixels()).isEqualTo(2 * 20 * 20);
    assertThat(islands.bbox()).containsExactly(0, 0, 100, 100);
  }

  @Test
  void aPolygonWithAHoleDoesNotOwnTheHolesPixels() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "RING", "D", box(0, -5, 10, 5), box(2, -1, 4, 1))
        .write(dir.resolve("hole.geojson")));

    SeatMask ring = map.raster().masks().get(0);
    assertThat(ring.pixels()).isEqualTo(100 * 100 - 20 * 20);
    assertThat(ring.contains(30, 50)).isFalse();
    assertThat(ring.contains(19, 50)).isTrue();
    assertThat(ring.contains(40, 50)).isTrue();
    assertThat(map.raster().owner()[50 * 100 + 30]).isZero(); // the hole is background
  }

  @Test
  void aHoleNarrowerThanAPixelLeavesNoSpeckOfBackgroundAndIsReported() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "RING", "D", box(0, -5, 10, 5), box(2.02, -0.08, 2.08, -0.02)) // covers the centre of (20,50)
        .write(dir.resolve("pinhole.geojson")));

    assertThat(map.raster().masks().get(0).pixels()).isEqualTo(100 * 100);
    assertThat(map.notes()).containsExactly("1 pixel(s) of background enclosed in patches of at most 4 (boundary "
        + "notches narrower than a pixel) given to the seat around them");
  }

  @Test
  void aSeatInsideAnotherSeatsHoleGetsExactlyTheHole() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "RING", "D", box(0, -5, 10, 5), box(2, -1, 4, 1))
        .polygon("2", "ENCLAVE", "D", box(2, -1, 4, 1))
        .write(dir.resolve("enclave.geojson")));

    assertThat(map.raster().masks().get(1).pixels()).isEqualTo(20 * 20);
    assertThat(map.conflicts()).isEmpty();
    assertThat(map.raster().pixelCounts()[0] + map.raster().pixelCounts()[1]).isEqualTo(100 * 100);
  }

  @Test
  void seatsSharingADiagonalBorderSplitItsPixelsWithNoGapAndNoPixelTwice() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "LOWER", "D", ring(0, -5, 10, -5, 10, 5))
        .polygon("2", "UPPER", "D", ring(0, -5, 10, 5, 0, 5))
        .write(dir.resolve("diagonal.geojson")));

    long[] counts = map.raster().pixelCounts();
    assertThat(counts[0] + counts[1]).isEqualTo(100 * 100);
    assertThat(map.conflicts()).isEmpty();
    assertThat(map.raster().owner()).doesNotContain(0);
  }

  @Test
  void overlappingSeatsGiveTheSharedPixelsToTheLowerSeatNumberAndReportThem() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("2", "SECOND", "D", box(4, -5, 10, 5))
        .polygon("1", "FIRST", "D", box(0, -5, 6, 5))
        .write(dir.resolve("overlap.geojson")));

    assertThat(map.raster().masks().get(0).pixels()).isEqualTo(60 * 100);
    assertThat(map.raster().masks().get(1).pixels()).isEqualTo(40 * 100);
    assertThat(map.conflicts()).containsExactly(new MaskBuilder.Conflict(1, 2, 20 * 100));
  }

  @Test
  void aSeatTooSmallForAnyPixelCentreIsGivenThePixelUnderItAndTheRescueIsReported() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "BIG", "D", box(0, -5, 10, 5))
        .polygon("2", "SPECK", "D", box(3.01, 1.01, 3.04, 1.04))
        .write(dir.resolve("speck.geojson")));

    SeatMask speck = map.raster().masks().get(1);
    assertThat(speck.pixels()).isEqualTo(1);
    assertThat(speck.contains(30, 39)).isTrue();
    assertThat(map.raster().masks().get(0).pixels()).isEqualTo(100 * 100 - 1);
    assertThat(map.rescues()).containsExactly(new MaskBuilder.Rescue(2, 30, 39, 1));
  }

  @Test
  void everySeatKeepsATransparentPixelForItsFillAndBordersAreOnePixelOnTheLargerSeat() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .polygon("1", "BIG", "A", box(0, -5, 7, 5))
        .polygon("2", "SMALL", "A", box(7, -5, 8, 5))
        .polygon("3", "OTHER DISTRICT", "B", box(8, -5, 10, 5))
        .polygon("4", "SPECK", "A", box(3.01, 1.01, 3.04, 1.04))
        .write(dir.resolve("borders.geojson")));
    List<SeatMask> masks = map.raster().masks();
    int[][] labels = masks.stream().map(LabelPoints::of).toArray(int[][]::new);
    java.awt.image.BufferedImage base = BaseImage.render(map.raster(), labels);

    for (int i = 0; i < masks.size(); i++) {
      assertThat(masks.get(i).contains(labels[i][0], labels[i][1])).isTrue();
      assertThat(base.getRGB(labels[i][0], labels[i][1]) >>> 24).as("label of seat %d", i + 1).isZero();
    }
    // row 50: seat 1 is columns 0-69, seat 2 70-79, seat 3 80-99
    assertThat(base.getRGB(69, 50)).isEqualTo(BaseImage.SEAT_BORDER);     // 1|2 border, on the larger seat 1
    assertThat(base.getRGB(70, 50) >>> 24).isZero();                       // seat 2 keeps its edge pixel
    assertThat(base.getRGB(80, 50)).isEqualTo(BaseImage.GROUP_BORDER);    // 2|3 cross districts, on the larger 3
    assertThat(base.getRGB(79, 50) >>> 24).isZero();
    assertThat(base.getRGB(0, 50)).isEqualTo(BaseImage.OUTLINE);          // at the map's edge
    assertThat(base.getRGB(35, 50) >>> 24).isZero();                       // interior
  }
  @Test
  void aGeometryCollectionIsOneSeatWithThePixelsOfEveryPolygonInIt() throws Exception {
    MapBuild map = GeoFixture.state(GeoFixture.collection()
        .geometryCollection("7", "ISLANDS", "D", geometry("Polygon", List.of(box(0, -5, 2, -3))),
            geometry("MultiPolygon", List.of(List.of(box(8, 3, 10, 5)))))
        .polygon("8", "MIDDLE", "D", box(3, -2, 7, 2))
        .write(dir.resolve("collection.geojson")));

    SeatMask islands = map.raster().masks().get(0);
    assertThat(islands.pixels()).isEqualTo(2 * 20 * 20);
    assertThat(islands.bbox()).containsExactly(0, 0, 100, 100);
  }

  @Test
  void aCollectionInsideACollectionCountsAndItsPointsAndLinesAreLeftOutWithAWarning() throws Exception {
    Path file = GeoFixture.collection()
        .geometryCollection("1", "NESTED", "D", geometry("Point", List.of(5.0, 0.0)),
            Map.of("type", "GeometryCollection", "geometries", List.of(geometry("Polygon", List.of(box(0, -5, 10,
                5))))), geometry("LineString", List.of(List.of(0.0, 0.0), List.of(1.0, 1.0))))
        .write(dir.resolve("nested.geojson"));

    GeoJsonReader.Result read = GeoJsonReader.read(file, GeoFixture.fields());
    assertThat(GeoFixture.state(file).raster().masks().get(0).pixels()).isEqualTo(100 * 100);
    assertThat(read.warnings()).containsExactly("feature 0 (AC_NO 1) member 0: a Point has no area; left out",
        "feature 0 (AC_NO 1) member 2: a LineString has no area; left out");
  }

  @Test
  void aSeatWhoseFeaturesLieInTwoDistrictsIsOnBothDistrictMapsWithOnlyItsPartThere() throws Exception {
    Path file = GeoFixture.collection()
        .polygon("1", "SPLIT", "WEST", box(0, -5, 3, 5))
        .polygon("2", "OTHER", "WEST", box(3, -5, 5, 5))
        .polygon("1", "SPLIT", "EAST", box(5, -5, 6, 5))
        .polygon("3", "THIRD", "EAST", box(6, -5, 10, 5))
        .write(dir.resolve("split.geojson"));
    GeoJsonReader.Result read = GeoJsonReader.read(file, GeoFixture.fields());
    List<MapBuild> maps = GeoJsonMasks.build(read.seats(), "split.geojson", 100, 100, 0, true, false,
        Progress.quiet());

    MapBuild state = maps.get(0);
    assertThat(state.raster().seats().get(0)).isEqualTo(new SeatMeta(1, "SPLIT", "WEST")); // 75% of it is west
    assertThat(state.raster().masks().get(0).pixels()).isEqualTo(40 * 100);
    MapBuild west = maps.get(1);
    MapBuild east = maps.get(2);
    assertThat(west.name()).isEqualTo("WEST");
    assertThat(west.raster().seats()).extracting(SeatMeta::no).containsExactly(1, 2);
    assertThat(west.raster().masks().get(0).pixels()).isEqualTo(60 * 200); // 5 degrees on 100 px: 20 px a degree
    assertThat(east.raster().seats()).containsExactly(new SeatMeta(1, "SPLIT", "EAST"),
        new SeatMeta(3, "THIRD", "EAST"));
    assertThat(east.raster().masks().get(0).pixels()).isEqualTo(20 * 200);
    assertThat(read.notes()).containsExactly("seat 1 SPLIT lies in WEST 75%, EAST 25% (features 0, 2): on each of "
        + "those district maps with its part there; counted in WEST on the state map");
    assertThat(read.warnings()).isEmpty();
  }
}
