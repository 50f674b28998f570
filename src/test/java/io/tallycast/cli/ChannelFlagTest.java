package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's {@code --channel}: another stream from the same engine, set in one flag. */
class ChannelFlagTest {
  private static final Path DATA = Path.of("data", "wb2026");

  @Test
  void a_channel_flag_names_the_scene_size_and_outputs_and_takes_the_main_streams_segment() throws Exception {
    DemoCommand demo = demo("--segment", "4s", "--channel",
        "name=second,scene=tally,size=1280x720,bitrate=2500k,out=rec/second.mkv,out=rtmp://ingest.example/live/x");
    List<StreamVerticle.Settings> channels = demo.channelSettings(List.of("S25"));

    assertThat(channels).extracting(StreamVerticle.Settings::name).containsExactly("main", "second");
    StreamVerticle.Settings second = channels.get(1);
    assertThat(second.scene()).isEqualTo("tally");
    assertThat(second.autostart()).as("on air at start, as the demo's own").isTrue();
    assertThat(second.config().width()).isEqualTo(1280);
    assertThat(second.config().height()).isEqualTo(720);
    assertThat(second.config().fps()).isEqualTo(30);
    assertThat(second.config().bitrate()).isEqualTo(2_500_000);
    assertThat(second.config().destinations()).extracting(Destination::shown)
        .containsExactly(Path.of("rec", "second.mkv").toString(), "rtmp://ingest.example/live/****");
    assertThat(second.config().destinations().get(0).segment()).isEqualTo(Duration.ofSeconds(4));
    assertThat(DemoCommand.streamLine(second)).startsWith("second (tally): 1280x720 30 fps to ")
        .doesNotContain("/live/x");
  }

  @Test
  void a_channel_without_out_records_to_its_name_in_the_demos_recordings_folder_at_the_default_picture()
      throws Exception {
    StreamVerticle.Settings third = demo("--channel", "name=third,state=25").channelSettings(List.of("S25")).get(1);
    assertThat(third.state()).isEqualTo("S25");
    assertThat(third.scene()).isNull();
    assertThat(third.config().width()).isEqualTo(1920);
    assertThat(third.config().destinations()).extracting(Destination::file)
        .containsExactly(DATA.resolve("recordings").resolve("third.mkv"));
  }

  @Test
  void a_wrong_channel_flag_is_refused_saying_what_is_wrong_and_never_echoing_a_url() {
    assertThatThrownBy(() -> demo("--channel", "scene=map").channelSettings(List.of("S25")))
        .hasMessageContaining("needs name=NAME");
    assertThatThrownBy(() -> demo("--channel", "name=main").channelSettings(List.of("S25")))
        .hasMessageContaining("two channels are named 'main'");
    assertThatThrownBy(() -> demo("--channel", "name=b,colour=red,out=rtmp://i.example/live/secret")
        .channelSettings(List.of("S25"))).hasMessageContaining("unknown key 'colour'")
        .hasMessageContaining("name, scene, state, size, fps, bitrate, cbr, out").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> demo("--channel", "name=b,size=big").channelSettings(List.of("S25")))
        .hasMessageContaining("--channel b").hasMessageContaining("WIDTHxHEIGHT");
    assertThatThrownBy(() -> demo("--channel", "name=b,scene=weather").channelSettings(List.of("S25")))
        .hasMessageContaining("weather");
    assertThatThrownBy(() -> demo("--channel", "name=b,state=S03").channelSettings(List.of("S25")))
        .hasMessageContaining("no state S03");
    assertThatThrownBy(() -> demo("--channel", "name=b,out=" + DATA.resolve("recordings/overlay.mkv"))
        .channelSettings(List.of("S25"))).hasMessageContaining("its own recording");
  }

  private static DemoCommand demo(String... args) {
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs(args);
    demo.dataDir = DATA;
    return demo;
  }
}
