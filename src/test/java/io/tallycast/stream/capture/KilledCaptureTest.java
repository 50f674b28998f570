package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.process.ChromiumProcesses;
import io.tallycast.process.OwnedProcesses;
import io.tallycast.support.SlowTier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine killed hard while capturing (kill -9, a native crash) leaves Xvfb, chromedriver and Chromium running;
 * restarting it must not leave them rendering next to the new ones.
 */
@SlowTier
class KilledCaptureTest {
  private TestPages pages;
  private FrameSource capture;
  private Process crashed;

  @BeforeEach
  void serve() throws Exception {
    pages = new TestPages();
  }

  @AfterEach
  void stop() {
    if (capture != null) {
      capture.close();
    }
    if (crashed != null) {
      crashed.destroyForcibly();
    }
    pages.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void a_capture_started_after_a_killed_one_stops_the_browser_and_x_server_it_left() throws Exception {
    crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CapturingMain.class.getName(), pages.url("solid.html"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String[] line;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(crashed.getInputStream(),
        StandardCharsets.UTF_8))) {
      String l;
      do {
        l = out.readLine();
      } while (l != null && !l.startsWith("capturing "));
      assertThat(l).as("the capturing JVM started its capture").isNotNull();
      line = l.split(" ");
      crashed.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      crashed.waitFor(30, TimeUnit.SECONDS);
    }
    List<Long> left = List.of(Long.parseLong(line[1]), Long.parseLong(line[2]), Long.parseLong(line[3]));
    Path profile = Path.of(line[4]);
    assertThat(left).as("Xvfb, Chromium and chromedriver outlive the killed JVM")
        .allMatch(pid -> ProcessHandle.of(pid).map(OwnedProcesses::running).orElse(false));

    capture = Captures.open(CaptureConfig.of(pages.url("solid.html"), 640, 360, 30));

    assertThat(left).as("what the killed run left is stopped")
        .noneMatch(pid -> ProcessHandle.of(pid).map(OwnedProcesses::running).orElse(false));
    assertThat(ChromiumProcesses.all(profile)).as("no helper of the old browser runs")
        .noneMatch(OwnedProcesses::running);
    assertThat(profile).doesNotExist();
    assertThat(capture.newest()).as("the new capture runs").isNotNull();
  }
}
