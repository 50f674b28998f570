package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.stream.StreamDefaults;
import io.tallycast.stream.StreamSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The stream flags of demo and stream and the YAML of serve: one parse, the defaults of one place. */
class StreamFlagsTest {
  @Test
  void flags_left_out_and_yaml_keys_left_out_give_the_same_defaults() {
    StreamFlags flags = new StreamFlags();
    new CommandLine(flags).parseArgs();
    StreamSettings fromFlags = flags.settings();
    StreamSettings fromYaml = StreamSettings.parse(null, null, null, false, null, null, null, null);
    assertThat(fromFlags).isEqualTo(fromYaml).isEqualTo(StreamSettings.defaults());
    assertThat(fromFlags.size()).hasToString(StreamDefaults.SIZE);
    assertThat(fromFlags.fps()).isEqualTo(30);
    assertThat(fromFlags.bitrate()).isEqualTo(4_500_000);
    assertThat(fromFlags.segment()).isEqualTo(Duration.ofMinutes(10));
    assertThat(fromFlags.recording().keepAge()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void given_flags_are_parsed_as_the_yaml_would_be() {
    StreamFlags flags = new StreamFlags();
    new CommandLine(flags).parseArgs("--stream-size", "1280x720", "--bitrate", "6M", "--cbr", "--segment", "4s",
        "--keep-recordings", "0");
    assertThat(flags.settings()).isEqualTo(StreamSettings.parse("1280x720", 30, "6M", true, "4s", null, "0", null));
    assertThat(flags.settings().recording().keepAge()).isNull();
  }

  @Test
  void the_help_shows_the_defaults_of_the_one_place() {
    String help = new CommandLine(new DemoCommand()).getUsageMessage();
    assertThat(help).contains("Default: " + StreamDefaults.SIZE).contains("Default: " + StreamDefaults.BITRATE)
        .contains("Default: " + StreamDefaults.SEGMENT).contains("Default: 8080");
  }

  @Test
  void a_wrong_setting_says_what_is_expected() {
    assertThatThrownBy(() -> StreamSettings.parse("1281x720", null, null, false, null, null, null, null))
        .hasMessage("the size must be even and positive: 1281x720");
    assertThatThrownBy(() -> StreamSettings.parse("big", null, null, false, null, null, null, null))
        .hasMessage("--size is WIDTHxHEIGHT, e.g. 1920x1080: big");
    assertThatThrownBy(() -> StreamSettings.parse(null, 0, null, false, null, null, null, null))
        .hasMessage("fps must be 1-120: 0");
  }
}
