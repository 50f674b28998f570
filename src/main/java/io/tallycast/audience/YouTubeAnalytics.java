package io.tallycast.audience;

import io.tallycast.bus.PlatformTotals;
import io.tallycast.util.Secret;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * One broadcast's own figures from the YouTube Analytics API v2 ({@code reports.query}): average and peak concurrent
 * viewers and the minutes watched. Two queries, both filtered to the video: the live-stream metrics
 * (averageConcurrentViewers, peakConcurrentViewers) are documented for live broadcasts only, in a report of their own,
 * and watch time (estimatedMinutesWatched) in the basic video report; asking for all three at once is not a documented
 * combination. Analytics lags hours behind: an answer without rows means "not yet", not an error. The access token
 * comes from a refresh token ({@link OAuthRefresh}); a 401 gets one fresh token and one more try.
 */
public final class YouTubeAnalytics {
  static final String CONCURRENT = "averageConcurrentViewers,peakConcurrentViewers";
  static final String WATCH_TIME = "estimatedMinutesWatched";

  private final WebClient client;
  private final String baseUrl;
  private final OAuthRefresh oauth;
  private final Clock clock;

  public enum Kind { READY, NOT_YET, FAILED }

  /** What one ask found: the figures (READY), nothing yet (NOT_YET), or why not (FAILED, {@code problem}). */
  public record Answer(Kind kind, PlatformTotals totals, String problem) {
  }

  public YouTubeAnalytics(WebClient client, AnalyticsConfig config, Clock clock) {
    this.client = client;
    this.baseUrl = config.baseUrl();
    this.oauth = new OAuthRefresh(client, config, clock);
    this.clock = clock;
  }

  /** Asks once for the video's figures over the dates (the channel's days); never fails: a FAILED answer says why. */
  public Future<Answer> ask(String videoId, LocalDate start, LocalDate end) {
    return query(CONCURRENT, videoId, start, end).compose(concurrent -> {
      if (concurrent.kind() != Kind.READY) {
        return Future.succeededFuture(concurrent.answer());
      }
      if (!concurrent.row().containsKey("averageConcurrentViewers")
          && !concurrent.row().containsKey("peakConcurrentViewers")) {
        return Future.succeededFuture(failed("unreadable answer (not the documented result table): rows without "
            + "averageConcurrentViewers or peakConcurrentViewers"));
      }
      return query(WATCH_TIME, videoId, start, end).map(watched -> watched.kind() != Kind.READY ? watched.answer()
          : new Answer(Kind.READY, totals(videoId, concurrent.row(), watched.row()), null));
    }).otherwise(e -> failed(e instanceof OAuthRefresh.Refused ? e.getMessage()
        : "YouTube Analytics not reachable: " + e.getMessage()));
  }

  /** Access tokens fetched so far (a test and the health details count them). */
  public int tokenRefreshes() {
    return oauth.refreshes();
  }

  private record Table(Kind kind, Map<String, Number> row, String problem) {
    Answer answer() {
      return new Answer(kind, null, problem);
    }
  }

  private Future<Table> query(String metrics, String videoId, LocalDate start, LocalDate end) {
    return send(metrics, videoId, start, end, false).map(this::read);
  }

  private Future<HttpResponse<Buffer>> send(String metrics, String videoId, LocalDate start, LocalDate end,
                                            boolean again) {
    return oauth.token().compose(token -> request(token, metrics, videoId, start, end).compose(response -> {
      if (response.statusCode() == 401 && !again) {
        oauth.refused(token);
        return send(metrics, videoId, start, end, true);
      }
      return Future.succeededFuture(response);
    }));
  }

  private Future<HttpResponse<Buffer>> request(Secret token, String metrics, String videoId, LocalDate start,
                                               LocalDate end) {
    return client.getAbs(baseUrl + "/v2/reports").addQueryParam("ids", "channel==MINE")
        .addQueryParam("startDate", start.toString()).addQueryParam("endDate", end.toString())
        .addQueryParam("metrics", metrics).addQueryParam("filters", "video==" + videoId)
        .putHeader("Authorization", "Bearer " + token.reveal()).timeout(30_000).send();
  }

  /** The documented result table: {"columnHeaders": [{"name", "columnType", "dataType"}], "rows": [[...]]}. */
  private Table read(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String body = response.bodyAsString();
    if (status == 401) {
      return new Table(Kind.FAILED, null, "the access token was refused (401) even just after a refresh: check that "
          + "the refresh token was authorized for the yt-analytics.readonly scope by the channel's owner");
    }
    if (status < 200 || status >= 300) {
      return new Table(Kind.FAILED, null, oauth.redact(PlatformAnswers.refusal(PlatformAnswers.YOUTUBE, status, body,
          clock.instant()).problem()));
    }
    try {
      JsonObject table = new JsonObject(body == null || body.isBlank() ? "{}" : body);
      JsonArray rows = table.getJsonArray("rows", new JsonArray());
      if (rows.isEmpty()) {
        return new Table(Kind.NOT_YET, null, "figures not available yet");
      }
      JsonArray headers = table.getJsonArray("columnHeaders", new JsonArray());
      JsonArray first = rows.getJsonArray(0);
      Map<String, Number> row = new HashMap<>();
      for (int i = 0; i < headers.size() && i < first.size(); i++) {
        if (first.getValue(i) instanceof Number n) {
          row.put(headers.getJsonObject(i).getString("name"), n);
        }
      }
      return new Table(Kind.READY, row, null);
    } catch (RuntimeException e) {
      return new Table(Kind.FAILED, null, oauth.redact("unreadable answer (not the documented result table): "
          + e.getMessage()));
    }
  }

  private PlatformTotals totals(String videoId, Map<String, Number> concurrent, Map<String, Number> watched) {
    Number average = concurrent.get("averageConcurrentViewers");
    Number peak = concurrent.get("peakConcurrentViewers");
    Number minutes = watched.get("estimatedMinutesWatched");
    return new PlatformTotals(PlatformAnswers.YOUTUBE, videoId, clock.instant(),
        average == null ? null : average.doubleValue(), peak == null ? null : Math.round(peak.doubleValue()),
        minutes == null ? null : Math.round(minutes.doubleValue()));
  }

  private Answer failed(String why) {
    return new Answer(Kind.FAILED, null, oauth.redact(why));
  }

  /** For the log and health: never a token. */
  @Override
  public String toString() {
    return "YouTube Analytics at " + baseUrl;
  }
}
