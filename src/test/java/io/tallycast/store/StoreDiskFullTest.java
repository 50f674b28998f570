package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.dump;
import static io.tallycast.store.StoreFixtures.finalResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.election.Election;
import io.tallycast.support.LogCapture;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real as SQLite sees it: {@code PRAGMA max_page_count} on the writer's own connection makes SQLite
 * answer SQLITE_FULL exactly as it does when the file system is full (a real full disk cannot be mounted in a test).
 */
@ExtendWith(VertxExtension.class)
class StoreDiskFullTest {
  @TempDir
  Path dir;

  @Test
  void a_full_disk_is_one_warning_loses_nothing_committed_and_the_store_writes_again_once_there_is_room(Vertx vertx)
      throws Exception {
    List<HealthReport> health = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, health::add);
    StoreVerticle verticle = new StoreVerticle(dir, Election.of(WB));
    try (LogCapture trouble = new LogCapture(WriteTrouble.class);
        LogCapture store = new LogCapture(StoreVerticle.class)) {
      wait(vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
      assertThat(apply(vertx, batch(finalResult(26, T0))).acceptedSeats()).containsExactly(26);
      List<String> committed = dump(dir);

      // the database may not grow by a page more: what a full disk is to SQLite
      long pages = pragma(verticle, "PRAGMA max_page_count = " + pragma(verticle, "PRAGMA page_count"));
      ScrapeBatch cycle = new ScrapeBatch("S25", List.of(finalResult(210, T0.plusSeconds(60))),
          List.of(new ArchivedPage("https://results.example/210", T0, "sha-210", noise(256 * 1024))));
      int attempts = 5; // five scrape cycles offering the same seat and page, as the scraper does after a failure
      long failedNanos = 0;
      for (int i = 0; i < attempts; i++) {
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> apply(vertx, cycle));
        failedNanos = Math.max(failedNanos, System.nanoTime() - started);
        assertThat(failure).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) failure).failureCode()).isEqualTo(StoreVerticle.APPLY_FAILED);
        assertThat(failure.getMessage()).startsWith("store: results database cannot write: disk full (")
            .contains("SQLITE_FULL").endsWith("; retrying");
      }
      assertThat(trouble.lines()).as("one line for the whole spell").hasSize(1);
      assertThat(trouble.lines().get(0)).startsWith("WARN results database cannot write: disk full (");
      assertThat(store.lines()).as("no ERROR with a stack trace per commit").noneMatch(l -> l.startsWith("ERROR"));
      assertThat(dump(dir)).as("what was committed is all there, and nothing half-written").isEqualTo(committed);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        HealthReport last = last(health);
        assertThat(last.status()).isEqualTo(HealthReport.Status.DEGRADED);
        assertThat(last.lastError()).contains("disk full");
        assertThat(last.details().getString("cannotWrite")).contains("SQLITE_FULL");
        assertThat(last.details().getLong("diskFreeBytes")).isPositive();
      });

      pragma(verticle, "PRAGMA max_page_count = 1073741823"); // room again
      long started = System.nanoTime();
      ApplyResult again = apply(vertx, cycle); // the scraper's next cycle
      long recoveredNanos = System.nanoTime() - started;
      assertThat(again.acceptedSeats()).containsExactly(210);
      assertThat(trouble.lines()).hasSize(2);
      assertThat(trouble.lines().get(1)).startsWith("INFO results database writing again after " + attempts
          + " failed write(s)");
      try (ResultsReader reader = ResultsReader.open(dir)) {
        JsonObject summary = reader.summary("S25");
        assertThat(summary.getJsonObject("seats").encode()).isNotEmpty();
      }
      assertThat(dump(dir)).containsAll(committed.stream().filter(l -> !l.startsWith("#")).toList());
      assertThat(count("SELECT count(*) FROM snapshots")).isEqualTo(2);
      assertThat(count("SELECT count(*) FROM page_archive")).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(last(health).status()).isEqualTo(HealthReport.Status.OK));
      System.out.printf("store on a full disk (max_page_count %d): slowest failed commit %.1f ms, the commit after "
          + "room came back %.1f ms, %d log lines for %d failed commits%n", pages, failedNanos / 1e6,
          recoveredNanos / 1e6, trouble.lines().size(), attempts);
    }
  }

  @Test
  void only_a_database_that_cannot_write_is_told_apart_a_bad_batch_is_not() {
    StoreException full = new StoreException("writing failed", new org.sqlite.SQLiteException(
        "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
        org.sqlite.SQLiteErrorCode.SQLITE_FULL));
    assertThat(WriteTrouble.kind(full)).startsWith("disk full (");
    assertThat(WriteTrouble.kind(new StoreException("no", new java.io.IOException("No space left on device"))))
        .startsWith("disk full (");
    assertThat(WriteTrouble.kind(new StoreException("bad", new SQLException("NOT NULL constraint failed")))).isNull();
    assertThat(WriteTrouble.kind(new IllegalArgumentException("bad seat"))).isNull();
  }

  private static HealthReport last(List<HealthReport> health) {
    List<HealthReport> store = health.stream().filter(h -> h.part().equals(StoreVerticle.PART)).toList();
    return store.get(store.size() - 1);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tallycast.db"));
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }

  /** Runs a PRAGMA on the writer's connection between two batches (the writer is idle then). */
  private static long pragma(StoreVerticle verticle, String sql) throws SQLException {
    try (Statement s = verticle.store().connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }

  private static ApplyResult apply(Vertx vertx, ScrapeBatch batch) throws Exception {
    return wait(Bus.of(vertx).request(Contract.STORE_APPLY, batch, 30_000));
  }

  private static <T> T wait(io.vertx.core.Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Bytes that do not compress: a page that needs new database pages. */
  private static byte[] noise(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
