package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.store.NightRecord.StreamSample;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream's counters over a window: increases summed, a restart of the counters counted, channels summed. */
class StreamFiguresTest {
  private static final Instant T0 = Instant.parse("2026-05-04T03:00:00Z");

  private static StreamSample sample(String channel, int second, String state, long dropped, long reconnectsA,
                                     long reconnectsB, long restarts, long changes) {
    JsonArray destinations = new JsonArray()
        .add(new JsonObject().put("name", "youtube").put("state", "live").put("reconnects", reconnectsA))
        .add(new JsonObject().put("name", "recording").put("state", "live").put("reconnects", reconnectsB));
    return new StreamSample(channel, T0.plusSeconds(second), state, 30.0, 4_500_000, second * 30L, dropped, dropped,
        reconnectsA + reconnectsB, restarts, 0, changes, destinations);
  }

  @Test
  void counters_are_summed_over_a_restart_of_the_stream() {
    List<StreamSample> window = List.of(
        sample("main", 0, "running", 0, 0, 0, 0, 0),
        sample("main", 5, "running", 4, 1, 0, 0, 1),
        sample("main", 10, "running", 10, 1, 2, 1, 1),
        // the stream was started again: its counters began at 0 and have reached 3
        sample("main", 15, "running", 3, 0, 0, 0, 0),
        sample("main", 20, "running", 5, 1, 0, 0, 2));

    Summary.Stream s = StreamFigures.of(List.of(), window);

    Summary.Channel main = s.channels().get(0);
    assertThat(main.dropped()).isEqualTo(10 + 5);
    assertThat(main.repeated()).isEqualTo(10 + 5);
    assertThat(main.reconnects()).isEqualTo(3 + 1);
    assertThat(main.browserRestarts()).isEqualTo(1);
    assertThat(main.encoderChanges()).isEqualTo(1 + 2);
    assertThat(main.samples()).isEqualTo(5);
    assertThat(s.all()).isEqualTo(new Summary.Channel("all", 5, 15, 15, 4, 1, 3));
  }

  @Test
  void a_stream_running_before_the_window_counts_from_its_last_sample_before_it_and_channels_add_up() {
    List<StreamSample> before = List.of(sample("main", -5, "running", 100, 2, 0, 0, 0),
        sample("regional", -5, "stopped", 50, 0, 0, 0, 0));
    List<StreamSample> window = List.of(sample("main", 0, "running", 103, 2, 0, 0, 0),
        sample("regional", 0, "running", 1, 0, 0, 0, 0), sample("regional", 5, "running", 2, 0, 1, 0, 0));

    Summary.Stream s = StreamFigures.of(before, window);

    assertThat(s.channels()).extracting(Summary.Channel::channel, Summary.Channel::dropped,
        Summary.Channel::reconnects).containsExactly(org.assertj.core.groups.Tuple.tuple("main", 3L, 0L),
        org.assertj.core.groups.Tuple.tuple("regional", 2L, 1L));
    assertThat(s.all().dropped()).isEqualTo(5);
    assertThat(s.all().reconnects()).isEqualTo(1);
  }

  @Test
  void no_sample_is_no_stream_section() {
    assertThat(StreamFigures.of(List.of(), List.of())).isEqualTo(Summary.Stream.NONE);
  }
}
