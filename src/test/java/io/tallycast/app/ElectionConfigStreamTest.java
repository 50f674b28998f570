package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.election.ElectionData;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElectionConfigStreamTest {
  @TempDir
  Path dir;

  @Test
  void the_example_configuration_records_the_overlay_at_1080p_in_the_data_dir_and_waits_for_the_console()
      throws Exception {
    Path example = Path.of("examples", "west-bengal.yaml").toAbsolutePath();
    ElectionConfig config = ElectionConfig.read(example);
    StreamVerticle.Settings stream = config.streamSettings(example.getParent()).orElseThrow();
    assertThat(stream.autostart()).isFalse();
    assertThat(stream.config().width()).isEqualTo(1920);
    assertThat(stream.config().height()).isEqualTo(1080);
    assertThat(stream.config().bitrate()).isEqualTo(4_500_000);
    assertThat(stream.config().destinations()).extracting(Destination::file)
        .containsExactly(config.dataDirectory(example.getParent()).resolve("recordings/overlay.mkv"));
  }

  @Test
  void a_stream_section_with_nowhere_to_send_it_is_refused_with_the_reason() throws Exception {
    Path yaml = dir.resolve("election.yaml");
    String example = Files.readString(Path.of("examples", "west-bengal.yaml"));
    Files.writeString(yaml, example.replace("  recording: recordings/overlay.mkv", "  recording: \"\""));
    ElectionConfig config = ElectionConfig.read(yaml);
    assertThatThrownBy(() -> config.streamSettings(dir)).hasMessageContaining("nowhere to send it");
  }

  @Test
  void the_example_configuration_loads_the_embedded_2026_seats_parties_and_2021_past_results() throws Exception {
    Path example = Path.of("examples", "west-bengal.yaml").toAbsolutePath();
    ElectionData election = ElectionConfig.read(example).loadElection(example.getParent()).main();
    ElectionData embedded = ElectionData.westBengal2026();
    assertThat(election.seats()).isEqualTo(embedded.seats());
    assertThat(election.past()).isEqualTo(embedded.past());
    assertThat(election.pastYear()).isEqualTo(2021);
    assertThat(election.parties().all()).containsExactlyElementsOf(embedded.parties().all());
    assertThat(election.finals()).isEmpty();
  }
}
