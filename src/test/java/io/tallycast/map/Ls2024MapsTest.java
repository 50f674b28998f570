package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.election.Election;
import io.tallycast.election.SeatRef;
import io.tallycast.support.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lok Sabha 2024 maps in {@code maps/ls2024/} (made by {@code metadata-tools/ls2024-maps.py} from DataMeet's PC
 * boundaries): the national map and the 36 state and union territory maps, checked against the boundary file and the
 * 2024 results in {@code ../shared/data/lok-sabha-2024/} (those checks are skipped without them).
 */
class Ls2024MapsTest {
  private static final String DATA = "lok-sabha-2024/";
  private static Ls2024Maps maps;
  private static MapDefinition national;
  private static Map<String, MapDefinition> states;

  @BeforeAll
  static void load() throws IOException {
    maps = Ls2024Maps.embedded().orElseThrow(() -> new AssertionError("no maps/ls2024/ embedded in this build"));
    national = maps.national().load().get(0);
    states = new TreeMap<>();
    for (Map.Entry<String, MapSource> e : maps.states().entrySet()) {
      states.put(e.getKey(), e.getValue().load().get(0));
    }
  }

  private static List<JsonNode> features;

  /** The boundary file's features' properties (read once). */
  private static synchronized List<JsonNode> boundaryFeatures() throws IOException {
    if (features != null) {
      return features;
    }
    Path file = SharedData.file(DATA + "parliamentary-constituencies-2008-delimitation.geojson");
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(file.toFile()).get("features").forEach(f -> out.add(f.get("properties")));
    features = List.copyOf(out);
    return features;
  }

  /** The 2024 results' seats: PC code S031 is state S03, PC 1; one seat per distinct code, with its name. */
  private static Map<SeatRef, String> resultSeats() throws IOException {
    Map<SeatRef, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(SharedData.file(DATA + "results-2024.csv"), StandardCharsets.UTF_8)) {
      String[] cells = line.split(",", -1);
      out.put(new SeatRef(cells[1].substring(0, 3), Integer.parseInt(cells[1].substring(3))), cells[3]);
    }
    return out;
  }

  private static String plain(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
  }

  @Test
  void the_national_map_has_one_seat_for_every_constituency_of_the_boundary_file() throws IOException {
    int features = boundaryFeatures().size();

    assertThat(features).isEqualTo(543);
    assertThat(national.masks()).hasSize(features);
    assertThat(national.masks()).extracting(SeatMask::seat)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, features).boxed().toList());
    assertThat(maps.seats()).hasSize(features);
    assertThat(national.width()).isEqualTo(1080);
  }

  @Test
  void there_is_a_map_for_each_of_the_36_states_and_union_territories_of_2024() throws IOException {
    assertThat(states.keySet()).hasSize(36).containsAll(List.of("S01", "S03", "S29", "U01", "U03", "U08", "U09"));
    assertThat(states.keySet()).isEqualTo(resultSeats().keySet().stream().map(SeatRef::state)
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void each_state_map_has_as_many_seats_as_the_boundary_file_gives_its_state() throws IOException {
    // the file's 2008 states: J&K (6) is U08 (5) and Ladakh U09 (1) in 2024; Daman & Diu and Dadra & Nagar Haveli
    // (1 each) are U03 (2); every other state keeps its count
    Map<String, Integer> file = new TreeMap<>();
    boundaryFeatures().forEach(p -> file.merge(p.get("st_name").asText(), 1, Integer::sum));
    Map<String, Integer> drawn = new TreeMap<>();
    states.forEach((code, map) -> drawn.put(code, map.masks().size()));

    assertThat(drawn.get("U08") + drawn.get("U09")).isEqualTo(file.get("Jammu & Kashmir"));
    assertThat(drawn.get("U03")).isEqualTo(file.get("Daman & Diu") + file.get("Dadra & Nagar Haveli"));
    for (Ls2024Maps.Seat seat : maps.seats()) {
      String fileState = switch (seat.seat().state()) {
        case "U08", "U09", "U03" -> null;
        default -> maps.seats().stream().filter(s -> s.seat().state().equals(seat.seat().state())).findFirst()
            .map(s -> seat.state()).orElseThrow();
      };
      if (fileState != null) {
        long inFile = boundaryFeatures().stream().filter(p -> plain(p.get("st_name").asText())
            .equals(plain(fileState)) || (fileState.equals("ODISHA") && p.get("st_name").asText().equals("Orissa"))
            || (fileState.equals("ANDAMAN & NICOBAR ISLANDS") && p.get("st_name").asText().startsWith("Andaman")))
            .count();
        assertThat(drawn.get(seat.seat().state())).as(fileState).isEqualTo((int) inFile);
      }
    }
    assertThat(drawn.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(543);
  }

  @Test
  void every_2024_constituency_has_a_mask_on_its_state_map_and_on_the_national_map() throws IOException {
    Map<SeatRef, String> results = resultSeats();
    assertThat(results).hasSize(543);
    List<String> missing = new ArrayList<>();
    for (SeatRef seat : results.keySet()) {
      MapDefinition state = states.get(seat.state());
      boolean onState = state != null && state.masks().stream().anyMatch(m -> m.seat() == seat.no() && m.pixels() > 0);
      int no = maps.nationalNo(seat).orElse(0);
      boolean onNational = national.masks().stream().anyMatch(m -> m.seat() == no && m.pixels() > 0);
      if (!onState || !onNational) {
        missing.add(seat + " " + results.get(seat));
      }
      assertThat(maps.seatOf(no)).contains(seat);
    }
    assertThat(missing).as("2024 seats without a mask").isEmpty();
  }

  @Test
  void the_redrawn_seats_of_assam_and_jammu_and_kashmir_carry_their_2024_names_and_say_their_shape_is_older()
      throws IOException {
    Map<SeatRef, String> results = resultSeats();
    for (Ls2024Maps.Seat seat : maps.seats()) {
      if (List.of("S03", "U08", "U09").contains(seat.seat().state())) {
        assertThat(plain(seat.name())).as(seat.seat().toString()).isEqualTo(plain(results.get(seat.seat())));
        SeatInfo info = states.get(seat.seat().state()).seats().stream().filter(s -> s.no() == seat.seat().no())
            .findFirst().orElseThrow();
        assertThat(info.name()).isEqualTo(seat.name());
      }
      if (List.of("S03", "U08").contains(seat.seat().state())) {
        assertThat(seat.note()).as(seat.seat().toString()).contains("delimitation: drawn with the pre-");
      }
    }
    assertThat(maps.nationalNo(new SeatRef("S03", 10))).isPresent();
    assertThat(maps.seats().stream().filter(s -> s.seat().equals(new SeatRef("S03", 10))).findFirst().orElseThrow()
        .note()).endsWith("Kaliabor (11)");
  }

  @Test
  void seats_csv_draws_every_feature_of_the_boundary_file_once_and_the_state_maps_carry_its_names() throws IOException {
    List<String> file = boundaryFeatures().stream()
        .map(p -> p.get("st_name").asText() + " " + p.get("pc_no").asInt() + " " + p.get("pc_name").asText()).sorted()
        .toList();
    List<String> drawn = new ArrayList<>();
    for (String line : readSeatsCsv()) {
      List<String> cells = List.of(line.split(",", -1)); // source_st_name, source_pc_no, source_pc_name: no commas
      drawn.add(cells.get(5) + " " + cells.get(6) + " " + cells.get(7));
    }

    assertThat(drawn).containsExactlyInAnyOrderElementsOf(file);
    for (Ls2024Maps.Seat seat : maps.seats()) {
      MapDefinition state = states.get(seat.seat().state());
      assertThat(state.seats().stream().filter(s -> s.no() == seat.seat().no()).map(SeatInfo::name))
          .containsExactly(seat.name());
      assertThat(national.seats().get(seat.nationalNo() - 1).name()).isEqualTo(seat.name());
    }
  }

  private static List<String> readSeatsCsv() throws IOException {
    try (java.io.InputStream in = Ls2024MapsTest.class.getResourceAsStream(Ls2024Maps.PREFIX + "seats.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    }
  }

  @Test
  void every_seat_of_every_map_has_pixels_and_the_smallest_is_printed() {
    List<MapDefinition> all = new ArrayList<>(states.values());
    all.add(0, national);
    for (MapDefinition map : all) {
      assertThat(map.masks()).allSatisfy(m -> assertThat(m.pixels()).as("%s seat %d", map.title(), m.seat())
          .isPositive());
    }
    SeatMask smallest = national.masks().stream().min(Comparator.comparingLong(SeatMask::pixels)).orElseThrow();
    List<String> five = national.masks().stream().sorted(Comparator.comparingLong(SeatMask::pixels)).limit(5)
        .map(m -> maps.seatOf(m.seat()).orElseThrow() + " " + national.seats().get(m.seat() - 1).name() + " "
            + m.pixels() + " px").toList();
    System.out.println("ls2024 national map " + national.width() + "x" + national.height() + ", smallest seats: "
        + String.join(", ", five));
    for (MapDefinition map : states.values()) {
      SeatMask least = map.masks().stream().min(Comparator.comparingLong(SeatMask::pixels)).orElseThrow();
      System.out.println("ls2024 " + map.seats().get(0).group() + " " + map.width() + "x" + map.height()
          + ", smallest seat " + least.seat() + " " + least.pixels() + " px");
      assertThat(least.pixels()).as(map.seats().get(0).group()).isGreaterThanOrEqualTo(50);
    }
    // Lakshadweep's islands are 32 km2 in all: at India's scale, a couple of pixels; every other seat at least 5
    assertThat(smallest.pixels()).isGreaterThanOrEqualTo(2);
    assertThat(national.masks().stream().filter(m -> !maps.seatOf(m.seat()).orElseThrow().state().equals("U06")))
        .allSatisfy(m -> assertThat(m.pixels()).as("national seat %d", m.seat()).isGreaterThanOrEqualTo(5));
  }

  @Test
  void the_engine_gets_the_state_maps_by_code_for_an_election_whose_id_is_ls2024() {
    Election may2021 = Election.embedded("may2021");
    Election election = new Election(Ls2024Maps.ELECTION, "Lok Sabha 2024 (five of its states)", may2021.states());

    assertThat(MapSource.embeddedFor(may2021)).containsEntry("S03", MapSource.classpath("/maps/assam/"));
    assertThat(MapSource.embeddedFor(election)).containsOnlyKeys("S03", "S11", "S22", "S25", "U07")
        .containsEntry("S03", MapSource.classpath("/maps/ls2024/s03/"));
    assertThat(MapSource.embeddedLs2024()).hasSize(36).containsEntry("S03", MapSource.classpath("/maps/ls2024/s03/"));
    assertThat(MapSource.embeddedLs2024National()).contains(MapSource.classpath("/maps/ls2024/national/"));
    assertThat(maps.state("S99")).isEmpty();
  }

  @Test
  void a_screenshot_of_the_national_map_with_every_state_in_its_own_colour() throws IOException {
    Map<String, Integer> colours = new TreeMap<>();
    try (MapCanvas canvas = MapCanvas.build(national)) {
      for (SeatMask mask : national.masks()) {
        String state = maps.seatOf(mask.seat()).orElseThrow().state();
        int colour = colours.computeIfAbsent(state, s -> java.awt.Color.HSBtoRGB(
            (colours.size() * 0.381966f) % 1f, 0.55f, colours.size() % 2 == 0 ? 0.85f : 0.65f) & 0xFFFFFF);
        canvas.forcePaint(mask.seat(), colour);
      }
      Path out = Path.of("target", "screenshots", "map-national-ls2024.png");
      Files.createDirectories(out.getParent());
      Files.write(out, canvas.snapshot().bytes());
      assertThat(Files.size(out)).isPositive();
      System.out.println("ls2024 national map screenshot: " + out.toAbsolutePath());
    }
    assertThat(colours).hasSize(36);
  }
}
