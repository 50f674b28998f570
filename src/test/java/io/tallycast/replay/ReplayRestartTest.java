package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ReplayRestartTest {

  @Test
  void a_site_started_again_with_the_same_state_file_continues_the_simulated_time(Vertx vertx, VertxTestContext ctx,
                                                                                  @TempDir Path dir) {
    Path state = dir.resolve("replay-clock.json");
    ReplayOptions options = ReplayOptions.defaults().withSpeed(10).withStateFile(state);
    AtomicReference<Double> before = new AtomicReference<>();
    ReplaySite.start(vertx, ReplayTestSupport.westBengal(), options).compose(first -> {
      first.clock().advance(3 * 3600);
      before.set(first.clock().elapsedSeconds());
      return first.stop();
    }).compose(stopped -> {
      ctx.verify(() -> assertThat(Files.exists(state)).isTrue());
      return ReplaySite.start(vertx, ReplayTestSupport.westBengal(), options);
    }).compose(second -> {
      ctx.verify(() -> {
        assertThat(second.clock().elapsedSeconds()).isGreaterThanOrEqualTo(before.get());
        assertThat(second.clock().elapsedSeconds()).isLessThan(before.get() + 600);
      });
      return second.stop();
    }).compose(stopped -> ReplaySite.start(vertx, ReplayTestSupport.westBengal(), options.withStateFile(null)))
        .compose(fresh -> {
          ctx.verify(() -> assertThat(fresh.clock().elapsedSeconds()).isLessThan(600)); // no state file: 08:00
          return fresh.stop();
        }).onComplete(ctx.succeedingThenComplete());
  }
}
