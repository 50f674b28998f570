package io.tallycast.audience;

import io.tallycast.bus.ViewerReading;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import java.time.Instant;

/**
 * What each platform's documented answer means, read in one place so the clients stay thin and the tests feed it the
 * answers the platforms document. Errors are told apart as an operator needs them: credentials refused (fix the
 * token), quota used up (wait, or raise the quota), anything else (retry with backoff).
 */
public final class PlatformAnswers {
  public static final String YOUTUBE = "youtube";
  public static final String TWITCH = "twitch";
  public static final String FACEBOOK = "facebook";

  private PlatformAnswers() {
  }

  /**
   * YouTube Data API v3 {@code videos.list?part=liveStreamingDetails,statistics}: {@code concurrentViewers} is a
   * string, present only while the broadcast is live and its count public; {@code actualEndTime} marks an ended one.
   */
  public static ViewerReading youtube(int status, String body, Instant at) {
    ViewerReading refused = refusal(YOUTUBE, status, body, at);
    if (refused != null) {
      return refused;
    }
    JsonArray items = json(body).getJsonArray("items", new JsonArray());
    if (items.isEmpty()) {
      return ViewerReading.without(YOUTUBE, at, ViewerReading.Kind.FAILED, "no such video (check the video id)");
    }
    JsonObject live = items.getJsonObject(0).getJsonObject("liveStreamingDetails", new JsonObject());
    if (live.containsKey("actualEndTime")) {
      return ViewerReading.without(YOUTUBE, at, ViewerReading.Kind.ENDED, "the broadcast has ended");
    }
    String concurrent = live.getString("concurrentViewers");
    if (concurrent == null) {
      return ViewerReading.without(YOUTUBE, at, live.containsKey("actualStartTime") ? ViewerReading.Kind.HIDDEN
          : ViewerReading.Kind.ENDED, live.containsKey("actualStartTime") ? "the viewer count is hidden"
          : "the broadcast has not started");
    }
    return ViewerReading.live(YOUTUBE, at, Integer.parseInt(concurrent.strip()));
  }

  /** Twitch Helix {@code GET /helix/streams?user_login=...}: an empty {@code data} list: the channel is offline. */
  public static ViewerReading twitch(int status, String body, Instant at) {
    ViewerReading refused = refusal(TWITCH, status, body, at);
    if (refused != null) {
      return refused;
    }
    JsonArray data = json(body).getJsonArray("data", new JsonArray());
    if (data.isEmpty()) {
      return ViewerReading.without(TWITCH, at, ViewerReading.Kind.ENDED, "the channel is offline");
    }
    return ViewerReading.live(TWITCH, at, data.getJsonObject(0).getInteger("viewer_count"));
  }

  /** Facebook Graph {@code /{live-video-id}?fields=live_views,status}: {@code status} LIVE, or ended states. */
  public static ViewerReading facebook(int status, String body, Instant at) {
    ViewerReading refused = refusal(FACEBOOK, status, body, at);
    if (refused != null) {
      return refused;
    }
    JsonObject video = json(body);
    String state = video.getString("status", "");
    if (!"LIVE".equals(state)) {
      return ViewerReading.without(FACEBOOK, at, ViewerReading.Kind.ENDED, "the live video is " + state);
    }
    Integer views = video.getInteger("live_views");
    return views == null ? ViewerReading.without(FACEBOOK, at, ViewerReading.Kind.HIDDEN, "no live_views given")
        : ViewerReading.live(FACEBOOK, at, views);
  }

  /** Any JSON endpoint the operator names (the website, an app), the figure at a JSON pointer. */
  public static ViewerReading pointer(String platform, String pointer, int status, String body, Instant at) {
    ViewerReading refused = refusal(platform, status, body, at);
    if (refused != null) {
      return refused;
    }
    Object value = JsonPointer.from(pointer).queryJson(json(body));
    if (value instanceof Number n) {
      return ViewerReading.live(platform, at, n.intValue());
    }
    if (value instanceof String s && s.strip().matches("\\d+")) {
      return ViewerReading.live(platform, at, Integer.parseInt(s.strip()));
    }
    return ViewerReading.without(platform, at, ViewerReading.Kind.FAILED, "no number at " + pointer);
  }

  /** 401, 403 (quota or permission), other non-2xx: a FAILED reading saying which; null for a 2xx answer. */
  static ViewerReading refusal(String platform, int status, String body, Instant at) {
    if (status >= 200 && status < 300) {
      return null;
    }
    String reason = reason(body);
    String why = switch (status) {
      case 401 -> "credentials refused (401): check the token";
      case 403 -> reason.toLowerCase(java.util.Locale.ROOT).contains("quota")
          ? "quota exceeded (403): " + reason : "not allowed (403): " + reason;
      case 429 -> "rate limited (429)";
      default -> "answered " + status + (reason.isEmpty() ? "" : ": " + reason);
    };
    return ViewerReading.without(platform, at, ViewerReading.Kind.FAILED, why);
  }

  /** The platforms' error texts: {"error": {"message", "errors": [{"reason"}]}} (Google, Facebook) or {"message"}. */
  private static String reason(String body) {
    try {
      JsonObject json = json(body);
      Object error = json.getValue("error");
      if (error instanceof JsonObject e) {
        JsonArray errors = e.getJsonArray("errors", new JsonArray());
        String first = errors.isEmpty() ? null : errors.getJsonObject(0).getString("reason");
        return first != null ? first : e.getString("message", "");
      }
      return json.getString("message", "");
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private static JsonObject json(String body) {
    try {
      return new JsonObject(body == null || body.isBlank() ? "{}" : body);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("the answer is not JSON: " + e.getMessage(), e);
    }
  }
}
