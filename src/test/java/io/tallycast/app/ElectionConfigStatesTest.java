package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
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
}
