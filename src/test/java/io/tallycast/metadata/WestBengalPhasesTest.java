package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tallycast.support.SharedData;
import io.tallycast.support.SlowTier;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * West Bengal's 2021 polling-phase maps (the command of {@code maps/west-bengal/README.md}, with
 * {@code ../shared/data/west-bengal/phases-2021.csv}; skipped without the shared data): a map per phase with that
 * phase's seats, and a picture of the state coloured by phase. Expected figures come from the CSV.
 */
@SlowTier
class WestBengalPhasesTest {

  private static Path out() throws Exception {
    return ReadmeCommand.build("west-bengal");
  }

  /** Phase to its seats, and phase to its poll date, read from the CSV here. */
  private static Map<String, TreeSet<Integer>> phases(Map<String, String> dates) throws Exception {
    Map<String, TreeSet<Integer>> phases = new TreeMap<>();
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(SharedData.file("west-bengal/phases-2021.csv")
            .toFile())) {
      for (Map<String, String> row : rows.readAll()) {
        phases.computeIfAbsent(row.get("phase"), k -> new TreeSet<>()).add(Integer.parseInt(row.get("ac_no")));
        dates.put(row.get("phase"), row.get("poll_date"));
      }
    }
    return phases;
  }

  @Test
  void thereIsOneMapPerPhaseWithExactlyThatPhasesSeats() throws Exception {
    Map<String, TreeSet<Integer>> phases = phases(new TreeMap<>());
    Map<String, TreeSet<Integer>> found = new TreeMap<>();
    for (WrittenMap map : WrittenMap.all(out())) {
      if (map.dir().getParent().getFileName().toString().equals("phase")) {
        assertThat(map.map().get("name").asText()).isEqualTo("Phase " + map.map().get("group").asText());
        found.put(map.map().get("group").asText(), new TreeSet<>(map.seatNumbers()));
        map.owners();
        assertThat(map.mask().seats()).allSatisfy(s -> assertThat(s.pixels()).isPositive());
      }
    }
    assertThat(found).isEqualTo(phases);
    assertThat(found.values().stream().map(TreeSet::size).toList())
        .isEqualTo(phases.values().stream().map(TreeSet::size).toList());
  }

  @Test
  void indexJsonListsThePhaseMapsAfterTheDistrictMapsInPhaseOrder() throws Exception {
    List<String> dirs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode m : WrittenMap.JSON.readTree(out().resolve("index.json").toFile()).get("maps")) {
      dirs.add(m.get("dir").asText());
      names.add(m.get("name").asText());
    }
    List<String> expected = new ArrayList<>();
    phases(new TreeMap<>()).keySet().forEach(p -> expected.add("phase/" + p));
    assertThat(dirs.subList(dirs.size() - expected.size(), dirs.size())).isEqualTo(expected);
    assertThat(dirs.get(0)).isEqualTo("state");
    assertThat(dirs.subList(1, dirs.size() - expected.size())).allMatch(d -> d.startsWith("district/"));
    assertThat(names.subList(names.size() - expected.size(), names.size())).containsExactlyElementsOf(
        expected.stream().map(d -> "Phase " + d.substring("phase/".length())).toList());
  }

  @Test
  void theByPhasePictureColoursEverySeatInItsPhasesColourAndItsLegendGivesEachPollDate() throws Exception {
    Map<String, String> dates = new TreeMap<>();
    Map<String, TreeSet<Integer>> phases = phases(dates);
    JsonNode picture = WrittenMap.JSON.readTree(out().resolve("index.json").toFile()).get("pictures").get(0);
    assertThat(picture.get("file").asText()).isEqualTo("phase/by-phase.png");
    BufferedImage image = ImageIO.read(out().resolve("phase/by-phase.png").toFile());
    WrittenMap state = WrittenMap.read(out().resolve("state"));
    assertThat(image.getWidth()).isEqualTo(state.mask().width());

    Map<String, Integer> colours = new TreeMap<>();
    for (JsonNode entry : picture.get("legend")) {
      String phase = entry.get("group").asText();
      assertThat(entry.get("seats").asInt()).isEqualTo(phases.get(phase).size());
      assertThat(entry.get("text").asText()).isEqualTo(GroupPicture.legendText(dates.get(phase)));
      colours.put(phase, Integer.parseInt(entry.get("color").asText().substring(1), 16));
    }
    assertThat(colours.keySet()).isEqualTo(phases.keySet());
    assertThat(new TreeSet<>(colours.values())).as("a colour of its own for each phase").hasSize(phases.size());
    for (JsonNode seat : state.seats()) {
      String phase = phases.entrySet().stream().filter(e -> e.getValue().contains(seat.get("no").asInt()))
          .findFirst().orElseThrow().getKey();
      int rgb = image.getRGB(seat.get("label").get(0).asInt(), seat.get("label").get(1).asInt()) & 0xFFFFFF;
      assertThat(rgb).as("seat %s in phase %s", seat.get("no"), phase).isEqualTo(colours.get(phase));
    }
  }
}
