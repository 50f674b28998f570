package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.cluster.ChannelNodes;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's YAML: one stream ({@code stream:}) or several named channels ({@code channels:}) from one engine. */
class ElectionConfigChannelsTest {
  private static final String CHANNELS = """
      channels:
        - name: full
          size: 1920x1080
          recording: recordings/full.mkv
          autostart: true
        - name: tally-720
          scene: tally
          state: S25
          size: 1280x720
          bitrate: 2500k
          recording: recordings/tally.mkv
          rtmp: [rtmp://backup.example/live/standby]
      """;

  @TempDir
  Path dir;

  @Test
  void a_channels_section_gives_each_channel_its_name_page_picture_destinations_and_autostart() throws Exception {
    List<StreamVerticle.Settings> channels = config(CHANNELS).channels(dir);

    assertThat(channels).extracting(StreamVerticle.Settings::name).containsExactly("full", "tally-720");
    StreamVerticle.Settings full = channels.get(0);
    assertThat(full.scene()).as("follows the console").isNull();
    assertThat(full.state()).isNull();
    assertThat(full.autostart()).isTrue();
    assertThat(full.config().width()).isEqualTo(1920);
    assertThat(full.config().destinations()).extracting(Destination::file)
        .containsExactly(dir.resolve("data/recordings/full.mkv"));

    StreamVerticle.Settings tally = channels.get(1);
    assertThat(tally.scene()).isEqualTo("tally");
    assertThat(tally.state()).isEqualTo("S25");
    assertThat(tally.autostart()).isFalse();
    assertThat(tally.config().width()).isEqualTo(1280);
    assertThat(tally.config().height()).isEqualTo(720);
    assertThat(tally.config().bitrate()).isEqualTo(2_500_000);
    assertThat(tally.config().destinations()).extracting(Destination::shown)
        .containsExactly(dir.resolve("data/recordings/tally.mkv").toString(), "rtmp://backup.example/live/****");
  }

  @Test
  void the_example_configuration_of_two_channels_records_the_full_scene_at_1080p_and_the_tally_at_720p()
      throws Exception {
    Path example = Path.of("examples", "channels.yaml").toAbsolutePath();
    ElectionConfig config = ElectionConfig.read(example);
    List<StreamVerticle.Settings> channels = config.channels(example.getParent());
    assertThat(channels).extracting(StreamVerticle.Settings::name).containsExactly("full", "tally");
    assertThat(channels).extracting(c -> c.config().height()).containsExactly(1080, 720);
    assertThat(channels).extracting(StreamVerticle.Settings::scene).containsExactly(null, "tally");
    assertThat(channels.get(1).config().destinations()).extracting(Destination::file)
        .containsExactly(config.dataDirectory(example.getParent()).resolve("recordings/tally.mkv"));
  }

  @Test
  void a_stream_section_is_one_channel_named_main_following_the_console() throws Exception {
    List<StreamVerticle.Settings> channels = config("""
        stream:
          size: 1280x720
          recording: recordings/overlay.mkv
        """).channels(dir);
    assertThat(channels).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo(StreamVerticle.Settings.FIRST);
      assertThat(c.scene()).isNull();
      assertThat(c.config().height()).isEqualTo(720);
    });
    assertThat(config("""
        stream:
          recording: recordings/overlay.mkv
        """).streamSettings(dir)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("main"));
  }

  @Test
  void on_a_node_each_channel_names_the_nodes_that_may_carry_it_and_goes_on_air_when_carried_unless_told_not_to()
      throws Exception {
    ElectionConfig node = config(CHANNELS.replace("  - name: tally-720\n",
        "  - name: tally-720\n    nodes: [node-2, node-3]\n"));

    assertThat(node.channelNodes()).containsExactly(new ChannelNodes("full", List.of()),
        new ChannelNodes("tally-720", List.of("node-2", "node-3")));
    assertThat(node.channels(dir, true)).extracting(StreamVerticle.Settings::autostart)
        .as("full says autostart: true; tally-720 leaves it out: on a node, on air when carried")
        .containsExactly(true, true);
    assertThat(node.channels(dir)).extracting(StreamVerticle.Settings::autostart)
        .as("serve: left out is the operator's start").containsExactly(true, false);
    assertThat(config(CHANNELS.replace("autostart: true", "autostart: false")).channels(dir, true))
        .extracting(StreamVerticle.Settings::autostart).as("autostart: false waits for the operator on a node too")
        .containsExactly(false, true);
    assertThat(config("""
        stream:
          recording: recordings/overlay.mkv
          nodes: [node-1]
        """).channelNodes()).containsExactly(new ChannelNodes("main", List.of("node-1")));
  }

  @Test
  void the_channels_of_an_embedded_election_may_show_any_of_its_states() throws Exception {
    Path yaml = dir.resolve("embedded.yaml");
    Files.writeString(yaml, """
        election:
          embedded: may2021
        source:
          baseUrl: http://127.0.0.1:9/
        channels:
          - name: assam
            state: S03
            rtmp: [rtmp://127.0.0.1:1935/live/assam]
        """);
    assertThat(ElectionConfig.read(yaml).channels(dir, true)).singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo("S03"));
    Files.writeString(yaml, Files.readString(yaml).replace("S03", "S99"));
    assertThatThrownBy(() -> ElectionConfig.read(yaml).channels(dir)).hasMessageContaining("no state S99")
        .hasMessageContaining("U07");
  }

  @Test
  void no_stream_section_and_no_channels_is_a_run_without_a_stream() throws Exception {
    assertThat(config("").channels(dir)).isEmpty();
    assertThat(config("").streamSettings(dir)).isEmpty();
  }

  @Test
  void both_forms_at_once_are_refused_with_the_reason() throws Exception {
    ElectionConfig both = config(CHANNELS + """
        stream:
          recording: recordings/overlay.mkv
        """);
    assertThatThrownBy(() -> both.channels(dir)).hasMessageContaining("either 'stream:'")
        .hasMessageContaining("not both");
    assertNothingWritten();
  }

  @Test
  void a_name_given_twice_is_refused_and_names_the_channel() throws Exception {
    ElectionConfig twice = config(CHANNELS.replace("name: tally-720", "name: full"));
    assertThatThrownBy(() -> twice.channels(dir)).hasMessageContaining("two channels are named 'full'");
    assertNothingWritten();
  }

  @Test
  void a_channel_without_a_name_an_unknown_scene_or_state_or_a_shared_recording_is_refused_saying_which()
      throws Exception {
    assertThatThrownBy(() -> config(CHANNELS.replace("  - name: tally-720\n", "  - scene: map\n")).channels(dir))
        .hasMessageContaining("channels[1]").hasMessageContaining("needs a 'name'");
    assertThatThrownBy(() -> config(CHANNELS.replace("scene: tally", "scene: weather")).channels(dir))
        .hasMessageContaining("channels[1] (tally-720)").hasMessageContaining("full, map, tally")
        .hasMessageContaining("'weather'");
    assertThatThrownBy(() -> config(CHANNELS.replace("state: S25", "state: S99")).channels(dir))
        .hasMessageContaining("tally-720").hasMessageContaining("no state S99").hasMessageContaining("S25");
    assertThatThrownBy(() -> config(CHANNELS.replace("recordings/tally.mkv", "recordings/full.mkv")).channels(dir))
        .hasMessageContaining("tally-720").hasMessageContaining("its own recording");
    assertThatThrownBy(() -> config(CHANNELS.replace("name: tally-720", "name: Tally 720")).channels(dir))
        .hasMessageContaining("lower-case").hasMessageContaining("'Tally 720'");
    assertThatThrownBy(() -> config(CHANNELS.replace("size: 1280x720", "size: 1281x720")).channels(dir))
        .hasMessageContaining("channels[1] (tally-720)").hasMessageContaining("even");
    assertThatThrownBy(() -> config(CHANNELS.replace("    rtmp: [rtmp://backup.example/live/standby]\n", "")
        .replace("    recording: recordings/tally.mkv\n", "")).channels(dir))
        .hasMessageContaining("channels[1] (tally-720)").hasMessageContaining("nowhere to send it");
    assertThatThrownBy(() -> config("channels: []\n").channels(dir)).hasMessageContaining("empty");
    assertNothingWritten();
  }

  @Test
  void the_overlay_page_of_a_channel_fixes_its_scene_state_and_720p_variant() {
    Assembly.Web web = new Assembly.Web(8080, "http://127.0.0.1:8080", null);
    var config = io.tallycast.stream.StreamConfig.defaults(List.of(Destination.ingest("rtmp://x.example/live/k")));
    assertThat(StreamPart.overlayUrl(web, new StreamVerticle.Settings(config, true)))
        .isEqualTo("http://127.0.0.1:8080/overlay/");
    assertThat(StreamPart.overlayUrl(web, new StreamVerticle.Settings("second", "tally", "3",
        config.withSize(1280, 720), true))).isEqualTo("http://127.0.0.1:8080/overlay/?size=720&scene=tally&state=S03");
  }

  /** A refused configuration leaves the disk as it was: no data dir, no recording folder. */
  private void assertNothingWritten() throws Exception {
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("election.yaml");
    }
  }

  private ElectionConfig config(String streamPart) throws Exception {
    Path yaml = dir.resolve("election.yaml");
    Files.writeString(yaml, """
        election:
          state: West Bengal
          stateCode: S25
          parties: classpath:/elections/parties.csv
          seats: classpath:/elections/wb2026/seats.csv
        source:
          baseUrl: http://127.0.0.1:9/
        dataDir: data
        """ + streamPart);
    return ElectionConfig.read(yaml);
  }
}
