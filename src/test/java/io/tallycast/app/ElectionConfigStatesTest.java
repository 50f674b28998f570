package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.map.NationalMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve`'s configuration of a counting day of several states: examples/may-2021.yaml, and its mistakes. */
class ElectionConfigStatesTest {
  private static final Path EXAMPLE = Path.of("examples", "may-2021.yaml").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void an_embedded_election_without_an_overlay_section_is_titled_by_its_own_name() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, """
        election:
          embedded: may2021
        source:
          baseUrl: http://127.0.0.1:8090/Result2021/
        """);

    String title = ElectionConfig.read(file).overlayConfig(dir).title();

    assertThat(title).isEqualTo(Election.embedded("may2021").name()).doesNotContain("null");
  }

  @Test
  void the_example_lists_the_five_states_of_2_may_2021_with_the_embedded_data_and_maps_of_each() throws Exception {
    ElectionConfig config = ElectionConfig.read(EXAMPLE);
    Election election = config.loadElection(EXAMPLE.getParent());
    Election embedded = Election.embedded("may2021");
    assertThat(election.name()).isEqualTo(embedded.name());
    assertThat(election.codes()).containsExactlyElementsOf(embedded.codes());
    for (ElectionData state : election.states()) {
      ElectionData same = embedded.require(state.stateCode());
      assertThat(state.state()).isEqualTo(same.state());
      assertThat(state.seats()).as(state.state()).isEqualTo(same.seats());
      assertThat(state.past()).as(state.state()).isEqualTo(same.past());
      assertThat(state.majority()).isEqualTo(same.majority());
    }
    Map<String, MapSource> maps = config.mapSources(EXAMPLE.getParent());
    assertThat(maps).containsOnlyKeys(embedded.codes());
    assertThat(maps.values()).allMatch(MapSource::exists);
    // the scraper reads every state from the one site, starting from the first state's settings
    assertThat(config.scrapeConfig().stateCode()).isEqualTo("S25");
    assertThat(config.overlayConfig(EXAMPLE.getParent()).title()).isEqualTo("Assembly Elections 2021");
  }

  @Test
  void a_state_without_its_code_or_seats_is_refused_naming_the_state() throws Exception {
    Path yaml = dir.resolve("election.yaml");
    Files.writeString(yaml, Files.readString(EXAMPLE).replace("      stateCode: S03\n", ""));
    ElectionConfig config = ElectionConfig.read(yaml);
    assertThatThrownBy(() -> config.loadElection(dir)).hasMessageContaining("Assam").hasMessageContaining("stateCode");
  }

  @Test
  void a_state_listed_twice_is_refused() throws Exception {
    Path yaml = dir.resolve("election.yaml");
    Files.writeString(yaml, Files.readString(EXAMPLE).replace("stateCode: S03", "stateCode: S25"));
    ElectionConfig config = ElectionConfig.read(yaml);
    assertThatThrownBy(() -> config.loadElection(dir)).hasMessageContaining("S25").hasMessageContaining("twice");
  }

  @Test
  void maps_embedded_gives_an_embedded_election_every_states_own_maps_and_the_lok_sabhas_national_map()
      throws Exception {
    Path yaml = dir.resolve("node.yaml");
    Files.writeString(yaml, "election:\n  embedded: ls2024\nsource:\n  baseUrl: http://127.0.0.1:8090/"
        + "PcResultGenJune2024/\nmaps: embedded\n");
    ElectionConfig config = ElectionConfig.read(yaml);
    Election ls = config.loadElection(dir);

    assertThat(config.mapSources(dir)).containsOnlyKeys(ls.codes())
        .containsEntry("S25", MapSource.classpath("/maps/ls2024/s25/"));
    NationalMap national = config.nationalMap().orElseThrow();
    assertThat(national.source()).isEqualTo(MapSource.classpath("/maps/ls2024/national/"));
    assertThat(national.numbers()).hasSize(ls.seatCount());

    Files.writeString(yaml, Files.readString(EXAMPLE) + "maps: embedded\n");
    ElectionConfig files = ElectionConfig.read(yaml);
    assertThatThrownBy(() -> files.mapSources(dir)).hasMessageContaining("election.embedded");
  }
}
