package io.tallycast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pure parts of bench stream: the probe's parsing, the encoder status, the page URL, the plain command. */
class StreamBenchPartsTest {

  @Test
  void timestamps_take_the_pts_else_the_dts_and_come_sorted() {
    List<Double> ts = BundledFfmpeg.parseTimestamps(List.of("0.067000,0.067000", "N/A,0.033000", "0.000000,",
        "", "N/A,N/A"));

    assertThat(ts).containsExactly(0.0, 0.033, 0.067);
  }

  @Test
  void the_encoder_status_is_read_when_present_and_absent_otherwise() {
    JsonObject encoder = new JsonObject().put("preset", "superfast").put("level", 2).put("note", "busy machine");

    assertThat(EncoderWatch.describe(new JsonObject().put("state", "running"))).isNull();
    assertThat(EncoderWatch.describe(new JsonObject().put("encoder", encoder)))
        .isEqualTo("preset " + encoder.getString("preset") + ", level " + encoder.getInteger("level") + ", note "
            + encoder.getString("note"));
  }

  @Test
  void a_parameter_is_added_to_a_url_with_or_without_a_query() {
    assertThat(StreamBenchmark.withParam("http://h/overlay/?scene=full", "size", "720"))
        .isEqualTo("http://h/overlay/?scene=full&size=720");
    assertThat(StreamBenchmark.withParam("http://h/overlay/", "size", "720")).isEqualTo("http://h/overlay/?size=720");
  }

  @Test
  void the_plain_command_grabs_the_display_at_the_size_and_pushes_to_the_port() {
    List<String> command = PlainFfmpeg.command(":194", 1280, 720, 4321);

    assertThat(command.get(0)).isEqualTo(PlainFfmpeg.EXE.toString());
    assertThat(String.join(" ", command)).contains("-f x11grab -framerate 30 -video_size 1280x720 -draw_mouse 0 "
        + "-i :194.0+0,0").contains("-preset veryfast").endsWith("-f flv rtmp://127.0.0.1:4321/live/bench2");
  }

  @Test
  void the_encoder_watch_keeps_only_the_moments_the_status_changed() {
    JsonObject fast = new JsonObject().put("preset", "veryfast");
    JsonObject faster = new JsonObject().put("preset", "superfast").put("note", "machine busy");
    java.util.Iterator<JsonObject> statuses = List.of(new JsonObject(), new JsonObject().put("encoder", fast),
        new JsonObject().put("encoder", fast), new JsonObject().put("encoder", faster)).iterator();
    EncoderWatch watch = new EncoderWatch(statuses::next);

    for (int i = 0; i < 4; i++) {
      watch.sample();
    }

    assertThat(watch.changes()).extracting(EncoderWatch.Change::said)
        .containsExactly(EncoderWatch.describe(new JsonObject().put("encoder", fast)),
            EncoderWatch.describe(new JsonObject().put("encoder", faster)));
    assertThat(watch.report()).anyMatch(line -> line.contains("superfast") && line.contains("machine busy"));
  }
}
