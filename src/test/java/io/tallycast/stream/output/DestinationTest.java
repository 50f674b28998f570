package io.tallycast.stream.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A destination as it is shown and named: the ingest key masked, a recording's segment files. */
class DestinationTest {
  @Test
  void a_destination_is_shown_with_its_key_masked() {
    assertThat(Redact.url("rtmps://a.rtmps.youtube.com:443/live2/abcd-efgh-ijkl"))
        .isEqualTo("rtmps://a.rtmps.youtube.com/live2/****");
    assertThat(Redact.url("rtmp://user:pw@127.0.0.1:1936/live/x?token=1")).isEqualTo("rtmp://127.0.0.1:1936/live/****");
    assertThat(Redact.url("rtmp://a.rtmp.youtube.com/live2/k")).isEqualTo("rtmp://a.rtmp.youtube.com/live2/****");
    assertThat(Destination.parse("/var/rec/out.mkv", null).shown()).isEqualTo("/var/rec/out.mkv");
    assertThatThrownBy(() -> Destination.ingest("http://x/live/secret")).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Destination.parse("http://x/live/secret", null)).hasMessageNotContaining("secret");
  }

  @Test
  void a_recording_names_its_segment_files_as_the_muxer_writes_them() {
    Destination mkv = Destination.recording(Path.of("rec", "overlay.mkv"), null);
    assertThat(mkv.segmentPattern()).isEqualTo(Path.of("rec", "overlay-%03d.mkv").toString());
    assertThat(mkv.segmentNames()).isEqualTo(Path.of("rec", "overlay-000.mkv") + ", -001.mkv ... every 10 min");
    assertThat(Destination.recording(Path.of("night.mp4"), java.time.Duration.ofSeconds(90)).segmentNames())
        .isEqualTo("night-000.mp4, -001.mp4 ... every 90 s");
  }
}
