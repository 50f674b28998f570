package io.tallycast.metadata;

import static io.tallycast.metadata.GeoFixture.box;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of unusable GeoJSON is refused with a message naming the feature and what is wrong with it. */
class GeoJsonErrorsTest {
  @TempDir
  Path dir;

  private Path file(GeoFixture fixture) {
    return fixture.write(dir.resolve("seats.geojson"));
  }

  private static GeoFixture good() {
    return GeoFixture.collection().polygon("1", "ONE", "D", box(0, -5, 5, 5));
  }

  @Test
  void aMissingFieldNamesTheFeatureAndListsTheFieldsThatExist() {
    Path file = file(good());
    assertThatThrownBy(() -> GeoJsonReader.read(file, new GeoJsonReader.Fields("AC_NUM", "AC_NAME", null)))
        .isInstanceOf(MaskInputException.class)
        .hasMessage("feature 0 has no property \"AC_NUM\"; its properties are: AC_NO, AC_NAME, DIST_NAME");
  }

  @Test
  void aMissingGroupFieldIsRefusedToo() {
    Path file = file(good());
    assertThatThrownBy(() -> GeoJsonReader.read(file, new GeoJsonReader.Fields("AC_NO", "AC_NAME", "DISTRICT")))
        .hasMessageContaining("feature 0 has no property \"DISTRICT\"");
  }

  @Test
  void anEmptyGeometryNamesTheFeatureAndItsId() {
    Path file = file(good().feature(GeoFixture.props("2", "TWO", "D"), "Polygon", List.of()));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 1 (AC_NO 2): empty geometry (Polygon without coordinates)");
  }

  @Test
  void aMissingGeometryIsAnEmptyGeometry() throws Exception {
    Path file = dir.resolve("null.geojson");
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{\"AC_NO\":\"3\",\"AC_NAME\":\"X\",\"DIST_NAME\":\"D\"},\"geometry\":null}]}");
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 0 (AC_NO 3) has no geometry (empty geometry)");
  }

  @Test
  void projectedCoordinatesInMetresAreRefusedAsNotLonLat() {
    Path file = file(GeoFixture.collection().polygon("5", "UTM", "D",
        box(512000, 2456000, 515000, 2459000)));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessageStartingWith("feature 0 (AC_NO 5) ring 0 position 0: (512000.0, 2456000.0) is not lon/lat degrees; "
            + "the file looks projected (metres?)");
  }

  @Test
  void aRingWithFewerThanThreePointsIsTooShort() {
    Path file = file(good().polygon("2", "SLIVER", "D", List.of(List.of(1.0, 1.0), List.of(2.0, 2.0),
        List.of(1.0, 1.0))));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 1 (AC_NO 2) ring 0: ring too short: 2 distinct point(s), a ring needs at least 3");
  }

  @Test
  void aNonNumericCoordinateIsRefused() {
    Path file = file(good().polygon("2", "TEXT", "D", List.of(List.of(1.0, 1.0), List.of("2", 2.0),
        List.of(3.0, 1.0), List.of(1.0, 1.0))));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 1 (AC_NO 2) ring 0 position 1: coordinate \"2\" is not a number");
  }

  @Test
  void anUnsupportedGeometryTypeIsRefused() {
    Path file = file(good().feature(GeoFixture.props("2", "POINT", "D"), "Point", List.of(1.0, 2.0)));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 1 (AC_NO 2): unsupported geometry type \"Point\" (only Polygon, MultiPolygon and a "
            + "GeometryCollection of them)");
  }

  @Test
  void aGeometryCollectionWithoutAPolygonIsAnEmptyGeometry() {
    Path file = file(good().geometryCollection("2", "LINES", "D", GeoFixture.geometry("LineString",
        List.of(List.of(1.0, 2.0), List.of(2.0, 3.0)))));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 1 (AC_NO 2): empty geometry (a GeometryCollection without a Polygon or MultiPolygon)");
  }

  @Test
  void aCollectionWithoutFeaturesIsRefused() {
    Path file = file(GeoFixture.collection());
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessageEndingWith("seats.geojson: the FeatureCollection has no features");
  }

  @Test
  void aSeatNumberThatIsNotAWholeNumberIsRefused() {
    Path file = file(GeoFixture.collection().feature(Map.of("AC_NO", "12A", "AC_NAME", "X", "DIST_NAME", "D"),
        "Polygon", List.of(box(0, 0, 1, 1))));
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessage("feature 0: AC_NO \"12A\" is not a seat number (a whole number from 1)");
  }

  @Test
  void aFileThatIsNotJsonSaysWhere() throws Exception {
    Path file = dir.resolve("broken.geojson");
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\n\"features\":[{]}");
    assertThatThrownBy(() -> GeoJsonReader.read(file, GeoFixture.fields()))
        .hasMessageContaining("not JSON").hasMessageContaining("line 2");
  }
}
