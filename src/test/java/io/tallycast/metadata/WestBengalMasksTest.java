package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.map.MaskFile;
import io.tallycast.map.SeatMask;
import io.tallycast.support.SharedData;
import io.tallycast.support.SlowTier;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real boundaries (../shared/data/west-bengal/assembly-constituencies.geojson; skipped without the reference
 * data): 294 West Bengal assembly constituencies at 1080 px, with one map per district.
 */
@SlowTier
class WestBengalMasksTest {
  static Path geojson;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path out;
  static MapSet.Result result;

  /** Built once, but looked for per test: without the shared data each test then says why it skips. */
  @BeforeEach
  void build() throws Exception {
    Path source = SharedData.file("west-bengal/assembly-constituencies.geojson");
    if (result != null) {
      return;
    }
    geojson = source;
    System.setProperty("java.awt.headless", "true");
    long started = System.nanoTime();
    GeoJsonReader.Result read = GeoJsonReader.read(geojson, new GeoJsonReader.Fields("AC_NO", "AC_NAME",
        "DIST_NAME"));
    List<MapBuild> maps = GeoJsonMasks.build(read.seats(), "assembly-constituencies.geojson", 1080, 720, 12, true,
        false, Progress.quiet());
    result = MapSet.write(out, maps, Progress.quiet());
    // printed, not asserted: timings are measured by hand (see metadata-tools/README.md), never in unit tests
    System.out.printf("West Bengal: %d maps built and written in %.2f s%n", maps.size(),
        (System.nanoTime() - started) / 1e9);
  }

  static List<Map<String, Object>> seatsJson(Path dir) throws Exception {
    List<Map<String, Object>> seats = new ArrayList<>();
    for (JsonNode n : JSON.readTree(dir.resolve("seats.json").toFile())) {
      seats.add(JSON.convertValue(n, Map.class));
    }
    return seats;
  }

  static MaskFile.Contents mask(Path dir) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve("seats.mask"))) {
      return MaskFile.read(in);
    }
  }

  @Test
  void theStateMapHas294SeatsEveryOneWithPixels() throws Exception {
    List<Map<String, Object>> seats = seatsJson(out.resolve("state"));
    assertThat(seats).hasSize(294);
    assertThat(seats).extracting(s -> s.get("no")).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 294).boxed().toList());
    assertThat(seats).allSatisfy(s -> assertThat(((Number) s.get("pixels")).longValue()).isPositive());
    assertThat(seats.get(164)).containsEntry("name", "JORASANKO").containsEntry("group", "KOLKATA");
    JsonNode map = JSON.readTree(out.resolve("state/map.json").toFile());
    assertThat(map.get("width").asInt()).isEqualTo(1080);
    assertThat(map.get("seats").asInt()).isEqualTo(294);
    assertThat(map.get("format").asText()).isEqualTo("tallycast-mask/1");
  }

  @Test
  void noPixelBelongsToTwoSeatsInAnyMap() throws Exception {
    for (MapWriter.Written written : result.maps()) {
      MaskFile.Contents mask = mask(written.dir());
      int[] owner = new int[mask.width() * mask.height()];
      for (SeatMask seat : mask.seats()) {
        for (int i = 0; i < seat.runCount(); i++) {
          for (int x = seat.starts()[i]; x < seat.starts()[i] + seat.lengths()[i]; x++) {
            int p = seat.rows()[i] * mask.width() + x;
            assertThat(owner[p]).as("%s pixel (%d,%d) of seat %d", written.dir(), x, seat.rows()[i], seat.seat())
                .isZero();
            owner[p] = seat.seat();
          }
        }
      }
    }
  }

  @Test
  void pixelsBboxAndLabelInSeatsJsonMatchTheMaskFile() throws Exception {
    for (MapWriter.Written written : result.maps()) {
      MaskFile.Contents mask = mask(written.dir());
      List<Map<String, Object>> seats = seatsJson(written.dir());
      assertThat(mask.seats()).hasSameSizeAs(seats);
      for (int i = 0; i < seats.size(); i++) {
        SeatMask seat = mask.seats().get(i);
        Map<String, Object> info = seats.get(i);
        assertThat(info.get("no")).isEqualTo(seat.seat());
        assertThat(((Number) info.get("pixels")).longValue()).isEqualTo(seat.pixels());
        assertThat(info.get("bbox")).isEqualTo(List.of(seat.bbox()[0], seat.bbox()[1], seat.bbox()[2],
            seat.bbox()[3]));
        @SuppressWarnings("unchecked")
        List<Integer> label = (List<Integer>) info.get("label");
        assertThat(seat.contains(label.get(0), label.get(1))).as("label of seat %d in %s", seat.seat(),
            written.dir()).isTrue();
      }
    }
  }

  @Test
  void thereIsOneDistrictMapPerDistrictAndTheirSeatsAddUpTo294() throws Exception {
    Map<String, TreeSet<Integer>> expected = new TreeMap<>();
    for (JsonNode f : JSON.readTree(geojson.toFile()).get("features")) {
      expected.computeIfAbsent(f.at("/properties/DIST_NAME").asText(), k -> new TreeSet<>())
          .add(f.at("/properties/AC_NO").asInt());
    }
    Map<String, TreeSet<Integer>> found = new TreeMap<>();
    try (var dirs = Files.list(out.resolve("district"))) {
      for (Path dir : dirs.toList()) {
        String name = JSON.readTree(dir.resolve("map.json").toFile()).get("name").asText();
        TreeSet<Integer> seats = new TreeSet<>();
        seatsJson(dir).forEach(s -> seats.add((Integer) s.get("no")));
        assertThat(found.put(name, seats)).as("two maps for %s", name).isNull();
        assertThat(dir.resolve("base.png")).exists();
      }
    }
    assertThat(found).hasSize(19).isEqualTo(expected);
    assertThat(found.values().stream().mapToInt(TreeSet::size).sum()).isEqualTo(294);
    assertThat(out.resolve("district/dakshin-dinajpur/map.json")).exists();
  }

  @Test
  void theBaseImageIsNavyOutsideTheSeatsAndTransparentOnlyInsideThem() throws Exception {
    Path state = out.resolve("state");
    MaskFile.Contents mask = mask(state);
    BufferedImage base = ImageIO.read(state.resolve("base.png").toFile());
    assertThat(base.getWidth()).isEqualTo(mask.width());
    assertThat(base.getHeight()).isEqualTo(mask.height());
    boolean[] seat = new boolean[mask.width() * mask.height()];
    for (SeatMask s : mask.seats()) {
      for (int i = 0; i < s.runCount(); i++) {
        for (int x = s.starts()[i]; x < s.starts()[i] + s.lengths()[i]; x++) {
          seat[s.rows()[i] * mask.width() + x] = true;
        }
      }
    }
    Map<Integer, Integer> colours = new HashMap<>();
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        int argb = base.getRGB(x, y);
        colours.merge(argb, 1, Integer::sum);
        if (!seat[y * mask.width() + x]) {
          assertThat(argb).as("background (%d,%d)", x, y).isEqualTo(BaseImage.BACKGROUND);
        } else {
          assertThat(argb >>> 24 == 0 || argb >>> 24 == 0xFF).isTrue();
        }
      }
    }
    assertThat(colours.keySet()).containsExactlyInAnyOrder(0, BaseImage.BACKGROUND, BaseImage.SEAT_BORDER,
        BaseImage.GROUP_BORDER);
    for (Map<String, Object> s : seatsJson(state)) {
      @SuppressWarnings("unchecked")
      List<Integer> label = (List<Integer>) s.get("label");
      assertThat(base.getRGB(label.get(0), label.get(1)) >>> 24).as("seat %s shows its fill", s.get("no")).isZero();
    }
  }
}
