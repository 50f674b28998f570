package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.HealthReport;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamHealth;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.SlowTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk browser freezes on air (SIGSTOP): health stops saying "ok" and says why, and the picture comes back. */
@SlowTier
class FrozenBrowserTest {
  @TempDir
  Path dir;
  private TestPages pages;

  @BeforeEach
  void serve() throws Exception {
    pages = new TestPages();
  }

  @AfterEach
  void stop() {
    pages.close();
  }

  @Test
  void a_frozen_browser_makes_the_stream_degraded_with_a_growing_picture_age_and_ok_again_once_the_picture_moves()
      throws Exception {
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("air.mkv"), null)))
        .withSize(1280, 720); // default limit: a picture unchanged for 5 s
    X11Capture capture = new X11Capture(CaptureConfig.of(pages.url("animated.html"), 1280, 720, 30));
    try (Streamer streamer = new Streamer(config, capture)) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(30)).until(() -> health.report().status() == HealthReport.Status.OK);
      List<ProcessHandle> browser = browserProcesses(capture.browserPid());
      long encodedAtStop = streamer.status().getLong("encoded");
      signal("STOP", browser);
      long stoppedAt = System.nanoTime();
      Set<String> errors = new ConcurrentSkipListSet<>();
      AtomicReference<Double> maxAge = new AtomicReference<>(0.0);
      double detectSeconds;
      double continuedAfter;
      try {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
            .until(() -> health.report().status() == HealthReport.Status.DEGRADED);
        detectSeconds = (System.nanoTime() - stoppedAt) / 1e9;
        HealthReport frozen = health.report();
        assertThat(frozen.lastError()).startsWith("picture unchanged for ")
            .contains("the overlay browser may be frozen");
        double firstAge = frozen.details().getDouble("pictureAgeSeconds");
        assertThat(firstAge).isGreaterThan(5.0);
        // the age keeps growing while frozen, unless the watchdog already brought a new browser up
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
          HealthReport r = health.report();
          if (r.lastError() != null) {
            errors.add(r.lastError().replaceAll("\\d+ s:", "N s:"));
          }
          maxAge.accumulateAndGet(r.details().getDouble("pictureAgeSeconds"), Math::max);
          return maxAge.get() >= firstAge + 1 || capture.status().getInteger("restarts") > 0;
        });
      } finally {
        signal("CONT", browser);
        continuedAfter = (System.nanoTime() - stoppedAt) / 1e9;
      }
      long continuedAt = System.nanoTime();
      await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> {
        HealthReport r = health.report();
        if (r.lastError() != null) {
          errors.add(r.lastError().replaceAll("\\d+ s:", "N s:"));
        }
        maxAge.accumulateAndGet(r.details().getDouble("pictureAgeSeconds"), Math::max);
        return r.status() == HealthReport.Status.OK;
      });
      System.out.printf("frozen browser (limit 5 s): DEGRADED %.2f s after SIGSTOP; SIGCONT at %.1f s; OK again %.2f s "
              + "later; largest picture age %.1f s; browser restarts %d, reloads %d; health said %s%n", detectSeconds,
          continuedAfter, (System.nanoTime() - continuedAt) / 1e9, maxAge.get(),
          capture.status().getInteger("restarts"), capture.status().getInteger("reloads"), errors);
      assertThat(detectSeconds).as("the 5 s limit, polled").isBetween(4.9, 12.0);
      assertThat(maxAge.get()).isGreaterThan(6.0);
      assertThat(health.report().details().getDouble("pictureAgeSeconds")).isLessThan(5.0);
      assertThat(streamer.status().getLong("encoded") - encodedAtStop).as("the output went on meanwhile")
          .isGreaterThan((long) (detectSeconds * 30) - 30);
    }
  }

  @Test
  void a_browser_that_stays_frozen_is_restarted_by_the_watchdog_and_health_says_so_meanwhile() throws Exception {
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("air.mkv"), null)))
        .withSize(1280, 720);
    X11Capture capture = new X11Capture(CaptureConfig.of(pages.url("animated.html"), 1280, 720, 30));
    try (Streamer streamer = new Streamer(config, capture)) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(30)).until(() -> health.report().status() == HealthReport.Status.OK);
      List<ProcessHandle> browser = browserProcesses(capture.browserPid());
      signal("STOP", browser);
      long stoppedAt = System.nanoTime();
      Set<String> errors = new ConcurrentSkipListSet<>();
      try {
        // never continued: the watchdog's heartbeat goes unanswered, the reload finds no answer, a new browser comes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
          HealthReport r = health.report();
          if (r.lastError() != null) {
            errors.add(r.lastError().replaceAll("\\d+ s:", "N s:"));
          }
          return capture.status().getInteger("restarts") >= 1 && r.status() == HealthReport.Status.OK;
        });
      } finally {
        signal("CONT", browser); // cleans up if the watchdog did not
      }
      double okAfter = (System.nanoTime() - stoppedAt) / 1e9;
      System.out.printf("browser kept frozen: a new browser and the stream OK again %.2f s after SIGSTOP; health said "
          + "%s%n", okAfter, errors);
      assertThat(errors).anyMatch(e -> e.startsWith("picture unchanged for N s: the overlay browser may be frozen"));
      assertThat(errors).as("health tells the operator what is being done")
          .anyMatch(e -> e.contains("the capture is restarting the browser") || e.contains("reloading the page"));
      assertThat(capture.browserPid()).isNotEqualTo(browser.get(0).pid());
      assertThat(okAfter).as("heartbeats failing for 6 s + 2 s for an answer + a new browser, busy machine")
          .isLessThan(30);
    }
  }

  private static List<ProcessHandle> browserProcesses(long pid) {
    List<ProcessHandle> all = new ArrayList<>();
    ProcessHandle.of(pid).ifPresent(p -> {
      all.add(p);
      p.descendants().forEach(all::add);
    });
    assertThat(all).isNotEmpty();
    return all;
  }

  private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    new ProcessBuilder(command).start().waitFor(); // a process the watchdog already killed is simply not there
  }
}
