package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElectionConfigScrapeTest {
  @TempDir
  Path dir;

  @Test
  void a_seat_is_stale_after_three_intervals_unless_the_configuration_says_otherwise() throws Exception {
    Path example = Path.of("examples", "west-bengal.yaml").toAbsolutePath();
    assertThat(ElectionConfig.read(example).scrapeConfig().staleAfter()).isEqualTo(Duration.ofSeconds(60));

    Path yaml = dir.resolve("election.yaml");
    Files.writeString(yaml, Files.readString(example)
        .replace("  # staleAfterSeconds: 60", "  staleAfterSeconds: 45"));
    assertThat(ElectionConfig.read(yaml).scrapeConfig().staleAfter()).isEqualTo(Duration.ofSeconds(45));
  }
}
