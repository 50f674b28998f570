package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tallycast.map.SeatMask;
import io.tallycast.support.SharedData;
import io.tallycast.support.SlowTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The maps of the four other states counted on 2 May 2021, made by the command each {@code maps/<state>/README.md}
 * gives, from the real boundaries in {@code ../shared/data/five-states-2021/} (skipped without them). What the maps
 * must hold is computed here from the boundary files, read plainly ({@link Boundaries}), never typed in.
 */
@SlowTier
class FiveStatesMasksTest {

  private static Path out(String folder) throws Exception {
    return ReadmeCommand.build(folder);
  }

  private static Boundaries boundaries(String folder) {
    String data = folder.equals("tamil-nadu") ? "tamilnadu" : folder;
    return Boundaries.read(SharedData.file("five-states-2021/" + data + "/assembly-constituencies.geojson"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "puducherry", "tamil-nadu"})
  void everySeatInTheFileHasPixelsOnTheStateMap(String folder) throws Exception {
    WrittenMap state = WrittenMap.read(out(folder).resolve("state"));

    assertThat(state.seatNumbers()).containsExactlyElementsOf(boundaries(folder).seats());
    assertThat(state.mask().seats()).allSatisfy(s -> assertThat(s.pixels()).as("seat %d", s.seat()).isPositive());
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "puducherry", "tamil-nadu"})
  void noPixelBelongsToTwoSeatsOnAnyMap(String folder) throws Exception {
    for (WrittenMap map : WrittenMap.all(out(folder))) {
      map.owners(); // fails at the first pixel claimed twice
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "puducherry", "tamil-nadu"})
  void seatsJsonAndTheMaskAgreeOnSeatNumbersPixelCountsBoxesAndLabelsOnEveryMap(String folder) throws Exception {
    for (WrittenMap map : WrittenMap.all(out(folder))) {
      assertThat(map.seats()).hasSameSizeAs(map.mask().seats());
      assertThat(map.map().get("seats").asInt()).isEqualTo(map.mask().seats().size());
      for (int i = 0; i < map.seats().size(); i++) {
        JsonNode info = map.seats().get(i);
        SeatMask seat = map.mask().seats().get(i);
        assertThat(info.get("no").asInt()).as(map.dir().toString()).isEqualTo(seat.seat());
        assertThat(info.get("pixels").asLong()).as("%s seat %d", map.dir(), seat.seat()).isEqualTo(seat.pixels());
        assertThat(List.of(info.get("bbox").get(0).asInt(), info.get("bbox").get(1).asInt(),
            info.get("bbox").get(2).asInt(), info.get("bbox").get(3).asInt()))
            .containsExactly(seat.bbox()[0], seat.bbox()[1], seat.bbox()[2], seat.bbox()[3]);
        assertThat(seat.contains(info.get("label").get(0).asInt(), info.get("label").get(1).asInt())).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "tamil-nadu"})
  void aSeatSplitOverSeveralFeaturesIsOneSeatOnTheStateMap(String folder) throws Exception {
    Boundaries file = boundaries(folder);
    WrittenMap state = WrittenMap.read(out(folder).resolve("state"));

    assertThat(file.splitSeats()).as("the file splits seats").isNotEmpty();
    assertThat(state.seatNumbers()).doesNotHaveDuplicates().hasSize(file.seats().size())
        .hasSizeLessThan(file.features().size());
    for (JsonNode seat : state.seats()) {
      List<Boundaries.Feature> parts = file.splitSeats().get(seat.get("no").asInt());
      if (parts != null) {
        assertThat(seat.get("name").asText()).isEqualTo(parts.get(0).name());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "puducherry", "tamil-nadu"})
  void everyDistrictHasAMapWithEverySeatThatHasGroundInIt(String folder) throws Exception {
    Map<String, Set<Integer>> found = new TreeMap<>();
    for (WrittenMap map : WrittenMap.all(out(folder))) {
      if (map.dir().getParent().getFileName().toString().equals("district")) {
        found.put(map.map().get("name").asText(), new TreeSet<>(map.seatNumbers()));
      }
    }
    assertThat(found).isEqualTo(boundaries(folder).districts());
  }

  /** On a district map a seat's pixels are about the area of its features there, at the map's scale. */
  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala"})
  void aSeatWithPartsInTwoDistrictsShowsOnEachDistrictMapOnlyItsPartThere(String folder) throws Exception {
    Map<Integer, List<Boundaries.Feature>> split = boundaries(folder).splitSeats();
    split.values().removeIf(parts -> parts.stream().map(Boundaries.Feature::district).distinct().count() < 2);
    assertThat(split).as("seats whose features name two districts").isNotEmpty();
    for (WrittenMap map : WrittenMap.all(out(folder))) {
      String district = map.map().get("group") == null ? null : map.map().get("group").asText();
      for (Map.Entry<Integer, List<Boundaries.Feature>> seat : split.entrySet()) {
        List<Boundaries.Feature> here = seat.getValue().stream().filter(f -> f.district().equals(district)).toList();
        if (here.isEmpty()) {
          continue;
        }
        assertThat(map.seat(seat.getKey()).pixels()).as("seat %d on %s", seat.getKey(), district)
            .isCloseTo(expectedPixels(map, here), within(Math.round(0.05 * expectedPixels(map, here))));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"puducherry", "tamil-nadu"})
  void aGeometryCollectionSeatIsDrawnWithThePixelsOfAllItsPolygons(String folder) throws Exception {
    Boundaries file = boundaries(folder);
    List<Boundaries.Feature> collections = file.features().stream()
        .filter(f -> f.type().equals("GeometryCollection")).toList();
    assertThat(collections).as("GeometryCollection features in the file").isNotEmpty();
    for (Boundaries.Feature feature : collections) {
      List<Boundaries.Feature> seat = file.features().stream().filter(f -> f.no() == feature.no()).toList();
      WrittenMap district = WrittenMap.read(out(folder).resolve("district/" + MapSet.slug(feature.district())));
      long expected = expectedPixels(district, seat);
      assertThat(district.seat(feature.no()).pixels()).as("feature %d, seat %d %s (%d polygons)", feature.index(),
          feature.no(), feature.name(), feature.polygons().size()).isCloseTo(expected, within(expected / 20 + 20));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"assam", "kerala", "puducherry", "tamil-nadu", "west-bengal"})
  void theCommittedMapsAreByteForByteWhatTheReadmeCommandMakes(String folder) throws Exception {
    Path made = out(folder);
    Path committed = Path.of("maps", folder);
    assertThat(files(made)).isEqualTo(files(committed).stream().filter(f -> !f.equals("README.md")).toList());
    for (String file : files(made)) {
      assertThat(Files.readAllBytes(made.resolve(file))).as("maps/%s/%s", folder, file)
          .isEqualTo(Files.readAllBytes(committed.resolve(file)));
    }
  }

  /** The features' area at the map's scale (map.json's transform), in pixels. */
  private static long expectedPixels(WrittenMap map, List<Boundaries.Feature> features) {
    JsonNode t = map.map().get("transform");
    double scale = t.get("scale").asDouble();
    return Math.round(features.stream().mapToDouble(f -> f.area(t.get("cosLat").asDouble())).sum() * scale * scale);
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .collect(Collectors.toList());
    }
  }
}
