package io.tallycast.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audience: section of the election file, checked once at start. */
class AudienceConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  @TempDir
  Path dir;

  private AudienceConfig parse(String yaml) throws Exception {
    return AudienceConfig.parse(YAML.readValue(yaml, AudienceConfig.Yaml.class), dir);
  }

  @Test
  void every_platform_kind_is_read_with_its_credential_from_a_file_beside_the_configuration() throws Exception {
    Files.writeString(dir.resolve("yt-key"), "AIza-never-shown\n");
    Files.writeString(dir.resolve("twitch-token"), "twitch-never-shown");
    Files.writeString(dir.resolve("fb-token"), "fb-never-shown");
    AudienceConfig config = parse("""
        intervalSeconds: 20
        platforms:
          - {platform: youtube, videoId: abc123, keyFile: yt-key}
          - {platform: twitch, login: newsroom, clientId: cid, keyFile: twitch-token}
          - {platform: facebook, liveVideoId: "987", keyFile: fb-token, name: facebook-bn}
          - {platform: json, name: website, url: "https://example.org/live.json", pointer: /watching/now}
        """);
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.platforms()).extracting(AudienceConfig.Platform::name)
        .containsExactly("youtube", "twitch", "facebook-bn", "website");
    assertThat(config.platforms().get(0).baseUrl()).isEqualTo(AudienceConfig.YOUTUBE_API);
    assertThat(config.platforms().get(0).credential().reveal()).isEqualTo("AIza-never-shown");
    assertThat(config.toString()).doesNotContain("never-shown");
    assertThat(config.sources(null, java.time.Clock.systemUTC())).extracting(ViewerSource::platform)
        .containsExactly("youtube", "twitch", "facebook-bn", "website");
  }

  @Test
  void a_missing_credential_an_unknown_platform_or_a_name_used_twice_stops_the_start_with_the_entry_named() {
    assertThatThrownBy(() -> parse("platforms: [{platform: youtube, videoId: a, keyFile: nowhere}]"))
        .hasMessageContaining("audience.platforms[0]").hasMessageContaining("keyFile");
    assertThatThrownBy(() -> parse("platforms: [{platform: youtube, videoId: a, keyEnv: TALLYCAST_NO_SUCH_VAR}]"))
        .hasMessageContaining("TALLYCAST_NO_SUCH_VAR");
    assertThatThrownBy(() -> parse("platforms: [{platform: myspace}]")).hasMessageContaining("youtube, twitch");
    assertThatThrownBy(() -> parse("platforms: [{platform: twitch, clientId: c, keyEnv: PATH}]"))
        .hasMessageContaining("login");
    assertThatThrownBy(() -> parse("""
        platforms:
          - {platform: json, name: site, url: "http://a/", pointer: /n}
          - {platform: json, name: site, url: "http://b/", pointer: /n}
        """)).hasMessageContaining("two platforms are named 'site'");
    assertThatThrownBy(() -> parse("intervalSeconds: 0.2")).hasMessageContaining("at least 1 second");
  }
}
