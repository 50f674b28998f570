package io.tallycast.audience;

import io.tallycast.bus.ViewerReading;
import io.tallycast.util.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * One platform's concurrent viewers, asked over its documented HTTP API. The base URL is configuration (tests point the
 * real client at a local server that answers as the platform documents); the credential goes only into the request,
 * and whatever comes back is read by {@link PlatformAnswers}. A reading never fails the future: an unreachable
 * platform is a FAILED reading saying so.
 */
public final class ViewerSource {
  private final String platform;
  private final WebClient client;
  private final String url;
  private final MultiMap headers;
  private final Secret secret;
  private final BiFunction<Integer, String, ViewerReading> reader;
  private final Clock clock;
  /** API units an answered call spends: YouTube's videos.list costs 1 of a daily 10,000; the others count none. */
  private final int unitsPerCall;
  private long quotaUnits;

  private ViewerSource(String platform, WebClient client, String url, MultiMap headers, Secret secret, Clock clock,
                       int unitsPerCall, BiFunction<Integer, String, ViewerReading> reader) {
    this.platform = platform;
    this.unitsPerCall = unitsPerCall;
    this.client = client;
    this.url = url;
    this.headers = headers;
    this.secret = secret;
    this.clock = clock;
    this.reader = reader;
  }

  /** YouTube Data API v3 videos.list for one live video; the API key in the {@code key} parameter. */
  public static ViewerSource youtube(WebClient client, String baseUrl, Secret apiKey, String videoId, Clock clock) {
    String url = trim(baseUrl) + "/youtube/v3/videos?part=liveStreamingDetails,statistics&id=" + encode(videoId)
        + "&key=" + encode(apiKey.reveal());
    return new ViewerSource(PlatformAnswers.YOUTUBE, client, url, MultiMap.caseInsensitiveMultiMap(), apiKey, clock,
        1, (status, body) -> PlatformAnswers.youtube(status, body, clock.instant()));
  }

  /** Twitch Helix streams for one login, with the app's Client-Id and a Bearer token. */
  public static ViewerSource twitch(WebClient client, String baseUrl, String clientId, Secret token, String login,
                                    Clock clock) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Client-Id", clientId)
        .add("Authorization", "Bearer " + token.reveal());
    return new ViewerSource(PlatformAnswers.TWITCH, client, trim(baseUrl) + "/helix/streams?user_login="
        + encode(login), headers, token, clock, 0,
        (status, body) -> PlatformAnswers.twitch(status, body, clock.instant()));
  }

  /** Facebook Graph: one live video's live_views and status, with a page access token. */
  public static ViewerSource facebook(WebClient client, String baseUrl, Secret token, String liveVideoId,
                                      Clock clock) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token.reveal());
    return new ViewerSource(PlatformAnswers.FACEBOOK, client, trim(baseUrl) + "/" + encode(liveVideoId)
        + "?fields=live_views,status", headers, token, clock, 0,
        (status, body) -> PlatformAnswers.facebook(status, body, clock.instant()));
  }

  /** Any JSON endpoint the operator names, the figure at a JSON pointer; an optional Bearer token. */
  public static ViewerSource pointer(WebClient client, String name, String url, String pointer, Secret token,
                                     Clock clock) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (token != null) {
      headers.add("Authorization", "Bearer " + token.reveal());
    }
    return new ViewerSource(name, client, url, headers, token, clock, 0,
        (status, body) -> PlatformAnswers.pointer(name, pointer, status, body, clock.instant()));
  }

  public String platform() {
    return platform;
  }

  /** The same client under another name (two YouTube streams of one night: "youtube-bn", "youtube-en"). */
  public ViewerSource named(String name) {
    if (name.equals(platform)) {
      return this;
    }
    ViewerSource self = this;
    return new ViewerSource(name, client, url, headers, secret, clock, unitsPerCall, (status, body) -> {
      ViewerReading r = self.reader.apply(status, body);
      return new ViewerReading(name, r.at(), r.kind(), r.viewers(), r.problem());
    });
  }

  /** API units spent so far (YouTube's quota); 0 for the others. */
  public long quotaUnits() {
    return quotaUnits;
  }

  /** Asks once; always completes with a reading (FAILED when the platform could not be asked or read). */
  public Future<ViewerReading> read() {
    return client.getAbs(url).putHeaders(headers).timeout(10_000).send()
        .map(this::interpret)
        .otherwise(e -> failed("not reachable: " + e.getMessage()));
  }

  private ViewerReading interpret(HttpResponse<Buffer> response) {
    quotaUnits += unitsPerCall;
    try {
      return reader.apply(response.statusCode(), response.bodyAsString());
    } catch (RuntimeException e) {
      return failed("unreadable answer: " + e.getMessage());
    }
  }

  private ViewerReading failed(String why) {
    String safe = secret == null ? why : secret.redact(why);
    return ViewerReading.without(platform, clock.instant(), ViewerReading.Kind.FAILED, safe);
  }

  private static String trim(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** For the log and health: never the URL with its key. */
  @Override
  public String toString() {
    return platform;
  }
}
