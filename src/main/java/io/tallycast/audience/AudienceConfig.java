package io.tallycast.audience;

import io.tallycast.util.Secret;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which platforms to ask for their viewers, how often, with which credentials: parsed and checked once from the
 * {@code audience:} section of the election file (or made by the demo for its local stand-ins).
 *
 * <pre>
 * audience:
 *   intervalSeconds: 30          # how often each platform is asked (YouTube: 1 quota unit a call)
 *   platforms:
 *     - platform: youtube        # YouTube Data API v3 videos.list
 *       videoId: LIVE_VIDEO_ID
 *       keyFile: secrets/youtube-api-key      # or keyEnv: YOUTUBE_API_KEY
 *     - platform: twitch         # Helix streams
 *       login: newsroom
 *       clientId: APP_CLIENT_ID
 *       keyFile: secrets/twitch-token         # an app access token
 *     - platform: facebook       # Graph API live video
 *       liveVideoId: LIVE_VIDEO_ID
 *       keyFile: secrets/facebook-page-token
 *     - platform: json           # any JSON endpoint: the figure at a JSON pointer
 *       name: website
 *       url: https://example.org/live/viewers.json
 *       pointer: /watching/now
 *   youtubeAnalytics:            # optional: YouTube's own figures after the broadcast (see AnalyticsConfig)
 *     clientId: OAUTH_CLIENT_ID
 *     clientSecretFile: secrets/google-client-secret
 *     refreshTokenFile: secrets/google-refresh-token
 * </pre>
 * Each entry may give {@code baseUrl} (the platform's API root; tests and the demo point it at a local server).
 */
public record AudienceConfig(Duration interval, List<Platform> platforms, Optional<AnalyticsConfig> analytics) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final String YOUTUBE_API = "https://www.googleapis.com";
  public static final String TWITCH_API = "https://api.twitch.tv";
  public static final String FACEBOOK_API = "https://graph.facebook.com/v21.0";

  /** One platform as asked: its kind, its name in health and the report, where, what, and its credential. */
  public record Platform(String kind, String name, String baseUrl, String id, String clientId, String pointer,
                         Secret credential) {
  }

  /** The section as written in YAML (strings, file names relative to the configuration file). */
  public record Yaml(Double intervalSeconds, List<YamlPlatform> platforms, AnalyticsConfig.Raw youtubeAnalytics) {
  }

  /** One entry of {@code platforms:} as written. */
  public record YamlPlatform(String platform, String name, String baseUrl, String videoId, String login,
                             String clientId, String liveVideoId, String url, String pointer, String keyFile,
                             String keyEnv) {
  }

  public AudienceConfig {
    platforms = List.copyOf(platforms);
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("audience.intervalSeconds: at least 1 second");
    }
    Set<String> names = new HashSet<>();
    for (Platform p : platforms) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("audience: two platforms are named '" + p.name() + "': give each its own "
            + "'name'");
      }
    }
  }

  /** Checks the section; a credential file that is missing or empty stops the start here, not at the first ask. */
  public static AudienceConfig parse(Yaml yaml, Path base) throws IOException {
    Duration interval = yaml.intervalSeconds() == null ? DEFAULT_INTERVAL
        : Duration.ofMillis(Math.round(yaml.intervalSeconds() * 1000));
    List<Platform> platforms = new ArrayList<>();
    List<YamlPlatform> entries = yaml.platforms() == null ? List.of() : yaml.platforms();
    for (int i = 0; i < entries.size(); i++) {
      try {
        platforms.add(platform(entries.get(i), base));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("audience.platforms[" + i + "]: " + e.getMessage(), e);
      }
    }
    Optional<AnalyticsConfig> analytics = Optional.empty();
    if (yaml.youtubeAnalytics() != null) {
      if (platforms.stream().noneMatch(p -> p.kind().equals(PlatformAnswers.YOUTUBE))) {
        throw new IllegalArgumentException("audience.youtubeAnalytics: needs a youtube platform (its videoId is the "
            + "broadcast whose figures are asked for)");
      }
      try {
        analytics = Optional.of(AnalyticsConfig.parse(yaml.youtubeAnalytics(), base));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("audience.youtubeAnalytics: " + e.getMessage(), e);
      }
    }
    return new AudienceConfig(interval, platforms, analytics);
  }

  /** The platforms asked, without the after-broadcast figures. */
  public AudienceConfig(Duration interval, List<Platform> platforms) {
    this(interval, platforms, Optional.empty());
  }

  /** The YouTube video whose after-broadcast figures YouTube Analytics is asked for: the first youtube platform's. */
  public Optional<String> youtubeVideo() {
    return platforms.stream().filter(p -> p.kind().equals(PlatformAnswers.YOUTUBE)).map(Platform::id).findFirst();
  }

  private static Platform platform(YamlPlatform y, Path base) throws IOException {
    String kind = y.platform() == null ? "" : y.platform().strip().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case PlatformAnswers.YOUTUBE -> new Platform(kind, name(y, kind), or(y.baseUrl(), YOUTUBE_API),
          required(y.videoId(), "videoId"), null, null, secret(y, base, "YOUTUBE_API_KEY"));
      case PlatformAnswers.TWITCH -> new Platform(kind, name(y, kind), or(y.baseUrl(), TWITCH_API),
          required(y.login(), "login"), required(y.clientId(), "clientId"), null, secret(y, base, "TWITCH_TOKEN"));
      case PlatformAnswers.FACEBOOK -> new Platform(kind, name(y, kind), or(y.baseUrl(), FACEBOOK_API),
          required(y.liveVideoId(), "liveVideoId"), null, null, secret(y, base, "FACEBOOK_TOKEN"));
      case "json" -> new Platform(kind, required(y.name(), "name"), required(y.url(), "url"), null, null,
          required(y.pointer(), "pointer"), y.keyFile() == null && y.keyEnv() == null ? null
              : secret(y, base, y.keyEnv()));
      default -> throw new IllegalArgumentException("platform must be youtube, twitch, facebook or json, not '"
          + y.platform() + "'");
    };
  }

  /** The clients that ask each platform, each under its configured name. */
  public List<ViewerSource> sources(WebClient client, Clock clock) {
    return platforms.stream().map(p -> source(p, client, clock).named(p.name())).toList();
  }

  private static ViewerSource source(Platform p, WebClient client, Clock clock) {
    return switch (p.kind()) {
      case PlatformAnswers.YOUTUBE -> ViewerSource.youtube(client, p.baseUrl(), p.credential(), p.id(), clock);
      case PlatformAnswers.TWITCH -> ViewerSource.twitch(client, p.baseUrl(), p.clientId(), p.credential(), p.id(),
          clock);
      case PlatformAnswers.FACEBOOK -> ViewerSource.facebook(client, p.baseUrl(), p.credential(), p.id(), clock);
      default -> ViewerSource.pointer(client, p.name(), p.baseUrl(), p.pointer(), p.credential(), clock);
    };
  }

  private static String name(YamlPlatform y, String kind) {
    return y.name() == null || y.name().isBlank() ? kind : y.name().strip();
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String required(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("needs '" + key + "'");
    }
    return value.strip();
  }

  private static Secret secret(YamlPlatform y, Path base, String defaultEnv) throws IOException {
    Path file = y.keyFile() == null || y.keyFile().isBlank() ? null : base.resolve(y.keyFile().strip());
    if (file != null && !java.nio.file.Files.isReadable(file)) {
      throw new IllegalArgumentException("keyFile: no readable file at " + file);
    }
    String env = y.keyEnv() == null || y.keyEnv().isBlank() ? defaultEnv : y.keyEnv().strip();
    if (file == null && env == null) {
      throw new IllegalArgumentException("needs 'keyFile' or 'keyEnv'");
    }
    try {
      return Secret.from(file, env);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("credential: " + e.getMessage(), e);
    }
  }
}
