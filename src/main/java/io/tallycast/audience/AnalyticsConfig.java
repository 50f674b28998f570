package io.tallycast.audience;

import io.tallycast.util.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the night's YouTube Analytics figures are fetched once the broadcast is over, parsed and defaulted once. The
 * election YAML's section (the OAuth client and a refresh token of the channel's owner, authorized once for the
 * {@code https://www.googleapis.com/auth/yt-analytics.readonly} scope):
 *
 * <pre>
 * youtubeAnalytics:
 *   clientId: 1234-abc.apps.googleusercontent.com
 *   clientSecretFile: secrets/google-client-secret   # or clientSecretEnv: GOOGLE_CLIENT_SECRET
 *   refreshTokenFile: secrets/youtube-refresh-token  # or refreshTokenEnv: YOUTUBE_REFRESH_TOKEN
 *   intervalMinutes: 30       # how often to ask while the figures are not there yet (they lag hours)
 *   giveUpAfterHours: 48      # when to stop asking
 *   baseUrl: https://youtubeanalytics.googleapis.com   # defaults; tests point them at a local server
 *   tokenUrl: https://oauth2.googleapis.com/token
 * </pre>
 *
 * Files are relative to the YAML's folder and only their first line is read; secrets never appear in a log line.
 */
public record AnalyticsConfig(String baseUrl, String tokenUrl, String clientId, Secret clientSecret,
                              Secret refreshToken, Duration interval, Duration giveUpAfter) {
  public static final String BASE_URL = "https://youtubeanalytics.googleapis.com";
  public static final String TOKEN_URL = "https://oauth2.googleapis.com/token";

  /** The YAML section as written: every value a string (or null when absent). */
  public record Raw(String baseUrl, String tokenUrl, String clientId, String clientSecretFile,
                    String clientSecretEnv, String refreshTokenFile, String refreshTokenEnv, String intervalMinutes,
                    String giveUpAfterHours) {
  }

  public AnalyticsConfig {
    baseUrl = trim(baseUrl == null || baseUrl.isBlank() ? BASE_URL : baseUrl.strip());
    tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? TOKEN_URL : tokenUrl.strip();
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("youtubeAnalytics.clientId: missing");
    }
    clientId = clientId.strip();
    if (clientSecret == null || refreshToken == null) {
      throw new IllegalArgumentException("youtubeAnalytics: a client secret and a refresh token are both needed");
    }
    interval = interval == null ? Duration.ofMinutes(30) : interval;
    giveUpAfter = giveUpAfter == null ? Duration.ofHours(48) : giveUpAfter;
    if (interval.isZero() || interval.isNegative() || giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("youtubeAnalytics: the interval must be positive");
    }
  }

  public static AnalyticsConfig parse(Raw raw, Path base) {
    Secret clientSecret = secret("clientSecret", raw.clientSecretFile(), raw.clientSecretEnv(), base);
    Secret refreshToken = secret("refreshToken", raw.refreshTokenFile(), raw.refreshTokenEnv(), base);
    Duration interval = blank(raw.intervalMinutes()) ? null
        : Duration.ofMinutes(number("intervalMinutes", raw.intervalMinutes()));
    Duration giveUp = blank(raw.giveUpAfterHours()) ? null
        : Duration.ofHours(number("giveUpAfterHours", raw.giveUpAfterHours()));
    return new AnalyticsConfig(raw.baseUrl(), raw.tokenUrl(), raw.clientId(), clientSecret, refreshToken, interval,
        giveUp);
  }

  public AnalyticsConfig withTiming(Duration newInterval, Duration newGiveUpAfter) {
    return new AnalyticsConfig(baseUrl, tokenUrl, clientId, clientSecret, refreshToken, newInterval, newGiveUpAfter);
  }

  private static Secret secret(String key, String file, String env, Path base) {
    String prefix = "youtubeAnalytics." + key;
    if (!blank(file) && !blank(env)) {
      throw new IllegalArgumentException(prefix + ": give " + key + "File or " + key + "Env, not both");
    }
    if (blank(file) && blank(env)) {
      throw new IllegalArgumentException(prefix + "File or " + prefix + "Env: missing");
    }
    Path path = blank(file) ? null : base == null ? Path.of(file.strip()) : base.resolve(file.strip());
    if (path != null && !Files.isRegularFile(path)) {
      throw new IllegalArgumentException(prefix + "File: " + path + " does not exist");
    }
    try {
      return Secret.from(path, blank(env) ? null : env.strip());
    } catch (IOException e) {
      throw new IllegalArgumentException(prefix + "File: cannot read " + path + " (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path != null ? prefix + "File: " + path + " is empty"
          : prefix + "Env: the environment variable " + env.strip() + " is not set", e);
    }
  }

  private static long number(String key, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("youtubeAnalytics." + key + ": '" + text.strip() + "' is not a whole number",
          e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "YouTube Analytics at " + baseUrl + " (client " + clientId + ", every " + interval + ", for "
        + giveUpAfter + ")";
  }
}
