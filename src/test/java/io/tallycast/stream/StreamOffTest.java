package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.StreamControl;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run without a stream: the stream side itself (no other part) reports the stream's health as off and STOPPED, and
 * answers the console's start and stop with why not.
 */
class StreamOffTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void the_off_stream_reports_its_own_health_and_refuses_start_and_stop() throws Exception {
    CompletableFuture<JsonObject> report = new CompletableFuture<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, r -> report.complete(r.toJson())).completion().await();
    vertx.deployVerticle(new StreamOff()).await();

    JsonObject health = report.get(10, TimeUnit.SECONDS);
    assertThat(health.getString("part")).isEqualTo("stream");
    assertThat(health.getString("status")).isEqualTo("stopped");
    assertThat(health.getJsonObject("details").getString("state")).isEqualTo("off");
    for (StreamControl.Action action : StreamControl.Action.values()) {
      Throwable refused = Bus.of(vertx).request(Contract.STREAM_CONTROL, new StreamControl(action), 10_000)
          .map(m -> (Throwable) null).otherwise(e -> e).await();
      assertThat(refused).isInstanceOf(ReplyException.class);
      assertThat(((ReplyException) refused).failureCode()).isEqualTo(StreamControl.NO_STREAM);
      assertThat(refused.getMessage()).isEqualTo(StreamOff.NOT_YET);
    }
  }
}
