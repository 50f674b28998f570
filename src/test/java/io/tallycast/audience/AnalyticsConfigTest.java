package io.tallycast.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML section read once: Google's URLs and the follow-up's timing by default, secrets from files. */
class AnalyticsConfigTest {
  @TempDir
  Path dir;

  @Test
  void the_defaults_are_googles_urls_every_30_minutes_for_48_hours_and_secrets_come_from_files_beside_the_yaml()
      throws Exception {
    Files.writeString(dir.resolve("client-secret"), "GOCSPX-secret\n");
    Files.writeString(dir.resolve("refresh-token"), "1//refresh\n");
    AnalyticsConfig config = AnalyticsConfig.parse(new AnalyticsConfig.Raw(null, null, "1234-abc", "client-secret",
        null, "refresh-token", null, null, null), dir);
    assertThat(config.baseUrl()).isEqualTo("https://youtubeanalytics.googleapis.com");
    assertThat(config.tokenUrl()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(config.interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.giveUpAfter()).isEqualTo(Duration.ofHours(48));
    assertThat(config.clientSecret().reveal()).isEqualTo("GOCSPX-secret");
    assertThat(config.refreshToken().reveal()).isEqualTo("1//refresh");
    assertThat(config.toString()).doesNotContain("GOCSPX-secret").doesNotContain("1//refresh");
    AnalyticsConfig timed = AnalyticsConfig.parse(new AnalyticsConfig.Raw("http://127.0.0.1:9/", null, "1234-abc",
        "client-secret", null, "refresh-token", null, "10", "72"), dir);
    assertThat(timed.baseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(timed.interval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(timed.giveUpAfter()).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void a_missing_secret_or_client_is_named_by_its_key() throws Exception {
    Files.writeString(dir.resolve("client-secret"), "GOCSPX-secret\n");
    assertThatThrownBy(() -> AnalyticsConfig.parse(new AnalyticsConfig.Raw(null, null, "1234-abc", "client-secret",
        null, "no-such-file", null, null, null), dir))
        .hasMessage("youtubeAnalytics.refreshTokenFile: " + dir.resolve("no-such-file") + " does not exist");
    assertThatThrownBy(() -> AnalyticsConfig.parse(new AnalyticsConfig.Raw(null, null, "1234-abc", "client-secret",
        null, null, "TALLYCAST_TEST_UNSET_REFRESH_TOKEN", null, null), dir))
        .hasMessage("youtubeAnalytics.refreshTokenEnv: the environment variable TALLYCAST_TEST_UNSET_REFRESH_TOKEN "
            + "is not set");
    assertThatThrownBy(() -> AnalyticsConfig.parse(new AnalyticsConfig.Raw(null, null, null, "client-secret", null,
        "client-secret", null, null, null), dir)).hasMessage("youtubeAnalytics.clientId: missing");
    assertThatThrownBy(() -> AnalyticsConfig.parse(new AnalyticsConfig.Raw(null, null, "1234-abc", "client-secret",
        null, "client-secret", null, "half an hour", null), dir))
        .hasMessage("youtubeAnalytics.intervalMinutes: 'half an hour' is not a whole number");
  }
}
