package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.finalResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.Wire;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class StoreVerticleTest {
  @TempDir
  Path dir;

  @Test
  void a_batch_on_the_bus_is_written_off_the_event_loop_answered_and_its_events_published(Vertx vertx,
      VertxTestContext ctx) throws Throwable {
    List<JsonObject> all = new CopyOnWriteArrayList<>();
    List<SeatDeclared> declared = new CopyOnWriteArrayList<>();
    List<HealthReport> health = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.EVENTS, e -> all.add(Wire.json(e)));
    Bus.of(vertx).subscribeTo(SeatDeclared.class, declared::add);
    Bus.of(vertx).subscribe(Contract.HEALTH, health::add);

    StoreVerticle.deploy(vertx, dir, WB)
        .compose(id -> Bus.of(vertx).request(Contract.STORE_APPLY, batch(finalResult(26, T0)), 30_000))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.acceptedSeats()).containsExactly(26);
          assertThat(result.events()).hasSize(3);
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(20, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw ctx.causeOfFailure();
    }
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
      assertThat(all).extracting(e -> e.getString("type"))
          .containsExactly("seat.changed", "seat.declared", "tally.changed");
      assertThat(declared).hasSize(1);
      assertThat(declared.get(0).text()).isEqualTo("BJP gain from CPM");
      HealthReport last = health.get(health.size() - 1);
      assertThat(last.part()).isEqualTo("store");
      assertThat(last.status()).isEqualTo(HealthReport.Status.OK);
      assertThat(last.details().getLong("snapshots")).isEqualTo(1L);
      assertThat(last.details().getLong("events")).isEqualTo(3L);
      assertThat(last.details().containsKey("lastCommitMs")).isTrue();
    });
  }

  @Test
  void a_batch_that_cannot_be_written_fails_the_message_clearly_and_reports_degraded(Vertx vertx,
      VertxTestContext ctx) throws Throwable {
    List<HealthReport> health = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, health::add);
    ScrapeBatch broken = new ScrapeBatch("S25", List.of(finalResult(26, T0)),
        List.of(new ArchivedPage("https://results.example/26", T0, "abc", null)));
    StoreVerticle.deploy(vertx, dir, WB)
        .compose(id -> Bus.of(vertx).request(Contract.STORE_APPLY, broken, 30_000))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).isInstanceOf(ReplyException.class);
          assertThat(((ReplyException) e).failureCode()).isEqualTo(StoreVerticle.APPLY_FAILED);
          assertThat(e.getMessage()).startsWith("store: ").contains("rolled back");
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(20, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw ctx.causeOfFailure();
    }
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
      HealthReport last = health.get(health.size() - 1);
      assertThat(last.status()).isEqualTo(HealthReport.Status.DEGRADED);
      assertThat(last.lastError()).contains("rolled back");
      assertThat(last.details().getLong("snapshots")).isZero();
    });
  }
}
