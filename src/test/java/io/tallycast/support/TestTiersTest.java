package io.tallycast.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast tier stays fast: a test class that starts a browser, a demo, a capture or FFmpeg belongs to the full tier.
 */
class TestTiersTest {
  private static final List<String> HEAVY = List.of("Browser.open(", "DemoProcess.start", "Ffmpeg.listen(",
      "new Streamer(", "Captures.open(", "new X11Capture(", "new XvfbDisplay(");

  @Test
  void every_test_class_that_starts_a_browser_a_demo_a_capture_or_ffmpeg_is_marked_slow_tier() throws Exception {
    List<String> unmarked;
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      unmarked = files.filter(p -> p.toString().endsWith("Test.java")).filter(p -> {
        String source = read(p);
        return source.contains("@Test") && !source.contains("@SlowTier")
            && HEAVY.stream().anyMatch(source::contains);
      }).map(Path::toString).sorted().toList();
    }
    assertThat(unmarked).as("heavy test classes without @SlowTier (./tallycast test --fast would run them)").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
