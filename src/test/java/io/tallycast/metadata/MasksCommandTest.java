package io.tallycast.metadata;

import static io.tallycast.metadata.GeoFixture.box;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.Main;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tallycast masks} end to end through picocli: files written, exit codes and messages. */
class MasksCommandTest {
  @TempDir
  Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("masks", "--no-progress"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private Path geojson() {
    return GeoFixture.collection()
        .polygon("1", "WEST", "HILLS", box(0, -5, 4, 5))
        .polygon("2", "MIDDLE", "HILLS", box(4, -5, 6, 5))
        .polygon("3", "EAST", "PLAINS", box(6, -5, 10, 5))
        .write(dir.resolve("seats.geojson"));
  }

  private static void assertFourFiles(Path map) {
    for (String file : List.of("seats.mask", "seats.json", "base.png", "map.json")) {
      assertThat(map.resolve(file)).as("%s/%s", map, file).isRegularFile();
    }
  }

  @Test
  void geojsonModeWritesTheFourFilesForTheStateAndEachDistrict() throws Exception {
    Path maps = dir.resolve("maps");
    int exit = run("--geojson", geojson().toString(), "--id-field", "AC_NO", "--name-field", "AC_NAME",
        "--group-field", "DIST_NAME", "--width", "200", "--district-width", "300", "--out", maps.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertFourFiles(maps.resolve("state"));
    assertFourFiles(maps.resolve("district/hills"));
    assertFourFiles(maps.resolve("district/plains"));
    ObjectMapper json = new ObjectMapper();
    JsonNode hills = json.readTree(maps.resolve("district/hills/map.json").toFile());
    assertThat(hills.get("name").asText()).isEqualTo("HILLS");
    assertThat(hills.get("width").asInt()).isEqualTo(300);
    assertThat(hills.get("seats").asInt()).isEqualTo(2);
    assertThat(json.readTree(maps.resolve("index.json").toFile()).get("maps")).hasSize(3);
    assertThat(ImageIO.read(maps.resolve("state/base.png").toFile()).getWidth()).isEqualTo(200);
    assertThat(out.toString()).contains("tallycast masks: 3 seats from seats.geojson (3 features)")
        .contains("smallest   2 MIDDLE").contains("rescued    none").contains("districts  2 maps with 3 seats");
    try (var leftovers = Files.list(maps.resolve("district"))) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hills", "plains");
    }
  }

  @Test
  void runningAgainReplacesTheMapsAndRemovesADistrictThatNoLongerExists() throws Exception {
    Path maps = dir.resolve("maps");
    run("--geojson", geojson().toString(), "--group-field", "DIST_NAME", "--out", maps.toString());
    GeoFixture.collection().polygon("1", "WEST", "HILLS", box(0, -5, 4, 5))
        .polygon("2", "MIDDLE", "HILLS", box(4, -5, 10, 5)).write(dir.resolve("seats.geojson"));
    Files.createDirectories(maps.resolve("district/.hills.new-5eed")); // what a killed run leaves

    assertThat(run("--geojson", dir.resolve("seats.geojson").toString(), "--group-field", "DIST_NAME", "--out",
        maps.toString())).isZero();
    assertThat(maps.resolve("district/plains")).doesNotExist();
    assertThat(maps.resolve("district/.hills.new-5eed")).doesNotExist();
    assertThat(out.toString()).contains("removed    district/plains");
    assertThat(new ObjectMapper().readTree(maps.resolve("state/map.json").toFile()).get("seats").asInt())
        .isEqualTo(2);
  }

  @Test
  void highlightModeWritesTheFourFilesToo() throws Exception {
    Path shots = Files.createDirectory(dir.resolve("shots"));
    for (int seat = 1; seat <= 2; seat++) {
      BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
      Graphics2D pen = image.createGraphics();
      pen.setColor(Color.YELLOW);
      pen.fillRect(seat * 30, 20, 25, 25);
      pen.dispose();
      ImageIO.write(image, "png", shots.resolve(seat + ".png").toFile());
    }
    Path maps = dir.resolve("maps");
    assertThat(run("--highlights", shots.toString(), "--highlight-color", "#FFFF00", "--tolerance", "0", "--out",
        maps.toString())).as(err.toString()).isZero();
    assertFourFiles(maps.resolve("state"));
    assertThat(maps.resolve("district")).doesNotExist();
  }

  @Test
  void aMissingFieldExitsWith2AndNamesTheFieldsThatExist() {
    int exit = run("--geojson", geojson().toString(), "--id-field", "AC_NUMBER", "--out", dir.resolve("m").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("tallycast masks: feature 0 has no property \"AC_NUMBER\"; its properties "
        + "are: AC_NO, AC_NAME, DIST_NAME");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void aWidthOutOfRangeExitsWith2() {
    assertThat(run("--geojson", geojson().toString(), "--width", "20", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--width 20 is out of range (64 to 8192)");
  }

  @Test
  void exactlyOneInputIsNeededAndOptionsMustFitTheInput() {
    assertThat(run("--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--geojson").contains("--indexed").contains("--highlights");
    assertThat(run("--geojson", "a.geojson", "--indexed", "b.png", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
    assertThat(run("--indexed", "map.png", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--indexed needs --legend CSV");
    assertThat(run("--indexed", "map.png", "--legend", "l.csv", "--width", "500", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--width is for --geojson, not --indexed");
    assertThat(run("--highlights", "shots", "--highlight-color", "yellow", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--highlight-color \"yellow\" is not #RRGGBB");
  }
  private Path phases(String... rows) throws Exception {
    return Files.writeString(dir.resolve("phases.csv"), "ac_no,ac_name,phase,poll_date\n" + String.join("\n", rows)
        + "\n");
  }

  @Test
  void groupsCsvAddsAMapPerGroupInItsOwnFolderAndAPictureOfTheStateByGroup() throws Exception {
    Path maps = dir.resolve("maps");
    int exit = run("--geojson", geojson().toString(), "--group-field", "DIST_NAME", "--groups-csv",
        phases("1,WEST,1,2021-03-27", "2,MIDDLE,2,2021-04-01", "3,EAST,1,2021-03-27").toString(), "--groups-key",
        "ac_no", "--groups-field", "phase", "--groups-legend", "poll_date", "--width", "300", "--district-width",
        "200", "--out", maps.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertFourFiles(maps.resolve("phase/1"));
    assertFourFiles(maps.resolve("phase/2"));
    JsonNode index = new ObjectMapper().readTree(maps.resolve("index.json").toFile());
    List<String> dirs = new ArrayList<>();
    index.get("maps").forEach(m -> dirs.add(m.get("dir").asText()));
    assertThat(dirs).containsExactly("state", "district/hills", "district/plains", "phase/1", "phase/2");
    assertThat(index.at("/maps/3/name").asText()).isEqualTo("Phase 1");
    assertThat(index.at("/maps/3/seats").asInt()).isEqualTo(2);
    assertThat(index.at("/pictures/0/file").asText()).isEqualTo("phase/by-phase.png");
    assertThat(index.at("/pictures/0/legend/0/text").asText()).isEqualTo("27 MAR 2021");
    assertThat(ImageIO.read(maps.resolve("phase/by-phase.png").toFile()).getWidth()).isEqualTo(300);
    assertThat(out.toString()).contains("phase      2 maps with 3 seats in all")
        .contains("picture    phase/by-phase.png 300x");
  }

  @Test
  void aSeatTheCsvDoesNotListIsLeftOffTheGroupMapsWithAWarning() throws Exception {
    assertThat(run("--geojson", geojson().toString(), "--groups-csv", phases("1,WEST,1,2021-03-27",
        "2,MIDDLE,1,2021-03-27", "9,NOWHERE,1,2021-03-27").toString(), "--groups-field", "phase", "--width", "200",
        "--district-width", "200", "--out", dir.resolve("maps").toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("warning    1 seat(s) of the map are not in phases.csv (left off the phase "
        + "maps, grey in the picture): 3").contains("warning    1 seat(s) in phases.csv are not on the map: 9");
    assertThat(new ObjectMapper().readTree(dir.resolve("maps/phase/1/map.json").toFile()).get("seats").asInt())
        .isEqualTo(2);
  }

  @Test
  void runningAgainWithoutTheCsvRemovesItsMapsAndItsPicture() throws Exception {
    Path maps = dir.resolve("maps");
    run("--geojson", geojson().toString(), "--groups-csv", phases("1,W,1,x", "2,M,2,x", "3,E,2,x").toString(),
        "--groups-field", "phase", "--width", "200", "--district-width", "200", "--out", maps.toString());
    assertThat(maps.resolve("phase/by-phase.png")).exists();

    assertThat(run("--geojson", geojson().toString(), "--width", "200", "--out", maps.toString())).isZero();
    assertThat(maps.resolve("phase")).doesNotExist();
    assertThat(out.toString()).contains("removed    phase/1").contains("removed    phase/2")
        .contains("removed    phase/by-phase.png");
  }

  @Test
  void theSameInputGivesTheSameFilesByteForByte() throws Exception {
    Path csv = phases("1,W,1,2021-03-27", "2,M,2,2021-04-01", "3,E,2,2021-04-01");
    for (String to : List.of("a", "b")) {
      assertThat(run("--geojson", geojson().toString(), "--group-field", "DIST_NAME", "--insets-by", "DIST_NAME",
          "--groups-csv", csv.toString(), "--groups-field", "phase", "--groups-legend", "poll_date", "--width", "360",
          "--district-width", "200", "--out", dir.resolve(to).toString())).as(err.toString()).isZero();
    }
    List<Path> files;
    try (var walk = Files.walk(dir.resolve("a"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize(1 + 4 * 5 + 1);
    for (Path a : files) {
      Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
      assertThat(Files.readAllBytes(b)).as(a.toString()).isEqualTo(Files.readAllBytes(a));
    }
  }

  @Test
  void groupAndInsetOptionsAreRefusedWithoutWhatTheyNeed() throws Exception {
    String geo = geojson().toString();
    String csv = phases("1,W,1,x").toString();
    assertThat(run("--geojson", geo, "--groups-field", "phase", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--groups-key, --groups-field and --groups-legend are for --groups-csv");
    assertThat(run("--geojson", geo, "--groups-csv", csv, "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--groups-csv needs --groups-field COLUMN");
    assertThat(run("--geojson", geo, "--groups-csv", csv, "--groups-field", "phase", "--no-districts", "--out",
        dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("it does not go with --no-districts");
    assertThat(run("--geojson", geo, "--groups-csv", csv, "--groups-field", "District", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--groups-field \"District\" would file its maps in district/");
    assertThat(run("--indexed", "map.png", "--legend", "l.csv", "--insets-by", "DIST_NAME", "--out",
        dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--insets-by is for --geojson, not --indexed");
    assertThat(run("--geojson", geo, "--insets-by", "ENCLAVE", "--out", dir.resolve("m").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("feature 0 has no property \"ENCLAVE\"");
  }
}
