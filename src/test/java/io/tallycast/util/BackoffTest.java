package io.tallycast.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.output.Destination;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stream's reconnect policy: quick first retry, a low cap so a returning ingest is not kept waiting, jitter. */
class BackoffTest {
  @Test
  void reconnect_delays_start_under_a_second_never_exceed_the_five_second_cap_and_keep_their_jitter() {
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:1935/live/k")));
    Set<Long> capped = new HashSet<>();
    for (int run = 0; run < 200; run++) {
      Backoff backoff = new Backoff(config.backoffBase(), config.backoffMax());
      assertThat(backoff.failed()).as("first retry").isBetween(500L, 1000L);
      assertThat(backoff.failed()).isBetween(1000L, 2000L);
      for (int i = 0; i < 100; i++) {
        long delay = backoff.failed();
        assertThat(delay).as("never above the cap").isBetween(1000L, 5000L);
        if (i > 5) {
          assertThat(delay).as("at the cap, still jittered within its upper half").isGreaterThanOrEqualTo(2500L);
          capped.add(delay);
        }
      }
      backoff.reset();
      assertThat(backoff.failed()).as("after a lasting connection, quick again").isLessThanOrEqualTo(1000L);
    }
    assertThat(capped.size()).as("delays at the cap differ: no lockstep").isGreaterThan(100);
  }
}
