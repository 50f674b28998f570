package io.tallycast.audience;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.util.Secret;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Analytics client and its follow-up against a local server that answers as Google documents its OAuth token
 * endpoint and YouTube Analytics reports.query: what is asked and with which credentials, "not yet" until the rows
 * come, a refused token, quota, nonsense; the figures published once, and no secret anywhere it could be seen.
 */
class YouTubeAnalyticsTest {
  private static final String CLIENT_SECRET = "GOCSPX-client-secret-never-shown";
  private static final String REFRESH_TOKEN = "1//refresh-token-never-shown";
  private static final String ACCESS = "ya29.access-token-never-shown-";
  private static final LocalDate NIGHT = LocalDate.of(2026, 5, 4);

  private final Vertx vertx = Vertx.vertx();
  private final List<MultiMap> tokenForms = new CopyOnWriteArrayList<>();
  private final List<Asked> reportAsks = new CopyOnWriteArrayList<>();
  private final List<HealthReport> health = new CopyOnWriteArrayList<>();
  private final List<PlatformTotals> published = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile int tokenStatus = 200;
  private volatile String refusedToken = "none";
  /** The reports answer: (metrics, how many reports were asked so far) -> {status, body}. */
  private volatile BiFunction<String, Integer, Object[]> reports = (metrics, n) -> new Object[] {200,
      table(metrics, false)};
  private HttpServer server;

  private record Asked(String path, MultiMap params, String authorization) {
  }

  @BeforeEach
  void google() throws Exception {
    server = vertx.createHttpServer().requestHandler(this::answer).listen(0, "127.0.0.1").toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    Bus.of(vertx).subscribe(Contract.HEALTH, h -> {
      if (h.part().equals(AnalyticsFollowUp.PART)) {
        health.add(h);
      }
    });
    Bus.of(vertx).subscribe(Contract.PLATFORM_TOTALS, published::add);
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void close() throws Exception {
    root().detachAppender(log);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private void answer(HttpServerRequest request) {
    if (request.path().equals("/token")) {
      request.setExpectMultipart(true);
      request.endHandler(v -> {
        tokenForms.add(MultiMap.caseInsensitiveMultiMap().addAll(request.formAttributes())
            .add("content-type", String.valueOf(request.getHeader("Content-Type"))));
        if (tokenStatus != 200) {
          request.response().setStatusCode(tokenStatus).putHeader("content-type", "application/json")
              .end(new JsonObject().put("error", "invalid_grant")
                  .put("error_description", "Token has been expired or revoked.").encode());
          return;
        }
        request.response().putHeader("content-type", "application/json").end(new JsonObject()
            .put("access_token", ACCESS + tokens.incrementAndGet()).put("expires_in", 3599)
            .put("scope", "https://www.googleapis.com/auth/yt-analytics.readonly").put("token_type", "Bearer")
            .encode());
      });
      return;
    }
    reportAsks.add(new Asked(request.path(), MultiMap.caseInsensitiveMultiMap().addAll(request.params()),
        request.getHeader("Authorization")));
    if (("Bearer " + refusedToken).equals(request.getHeader("Authorization"))) {
      request.response().setStatusCode(401).putHeader("content-type", "application/json").end(new JsonObject()
          .put("error", new JsonObject().put("code", 401).put("status", "UNAUTHENTICATED")
              .put("message", "Request had invalid authentication credentials.")).encode());
      return;
    }
    Object[] reply = reports.apply(request.getParam("metrics"), reportAsks.size());
    request.response().setStatusCode((Integer) reply[0]).putHeader("content-type", "application/json")
        .end((String) reply[1]);
  }

  /** A result table as reports.query documents it; empty rows while Analytics has nothing yet. */
  private static String table(String metrics, boolean withRows) {
    JsonArray headers = new JsonArray();
    JsonArray row = new JsonArray();
    for (String metric : metrics.split(",")) {
      boolean average = metric.equals("averageConcurrentViewers");
      headers.add(new JsonObject().put("name", metric).put("columnType", "METRIC")
          .put("dataType", average ? "FLOAT" : "INTEGER"));
      row.add(switch (metric) {
        case "averageConcurrentViewers" -> 18234.6;
        case "peakConcurrentViewers" -> 48213;
        case "estimatedMinutesWatched" -> 5_432_100;
        default -> 0;
      });
    }
    return new JsonObject().put("kind", "youtubeAnalytics#resultTable").put("columnHeaders", headers)
        .put("rows", withRows ? new JsonArray().add(row) : new JsonArray()).encode();
  }

  private AnalyticsConfig config() {
    String base = "http://127.0.0.1:" + server.actualPort();
    return new AnalyticsConfig(base, base + "/token", "1234-abc.apps.googleusercontent.com",
        Secret.of(CLIENT_SECRET), Secret.of(REFRESH_TOKEN), Duration.ofMillis(50), Duration.ofHours(1));
  }

  private YouTubeAnalytics analytics() {
    return new YouTubeAnalytics(WebClient.create(vertx), config(), Clock.systemUTC());
  }

  private AnalyticsFollowUp followUp(Duration giveUpAfter) {
    return new AnalyticsFollowUp(vertx, analytics(), Duration.ofMillis(50), giveUpAfter, Clock.systemUTC());
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private String everythingShown() {
    return health + published.toString() + log.list.stream().map(e -> e.getFormattedMessage()
        + e.getThrowableProxy()).toList();
  }

  private HealthReport settled(HealthReport.Status status, String state) {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health.isEmpty() ? null
        : health.get(health.size() - 1), h -> h != null && h.status() == status
        && h.details().getJsonObject("videos").getJsonObject("vid1", new JsonObject()).getString("state", "")
        .equals(state));
  }

  @Test
  void figures_are_asked_for_until_they_arrive_then_published_once_with_the_documented_numbers() throws Exception {
    reports = (metrics, n) -> new Object[] {200, table(metrics, n > 2)};
    AnalyticsFollowUp followUp = followUp(Duration.ofHours(48));

    PlatformTotals totals = await(followUp.follow("vid1", NIGHT, NIGHT.plusDays(1)));

    assertThat(totals.platform()).isEqualTo("youtube");
    assertThat(totals.video()).isEqualTo("vid1");
    assertThat(totals.averageConcurrent()).isEqualTo(18234.6);
    assertThat(totals.peakConcurrent()).isEqualTo(48213L);
    assertThat(totals.minutesWatched()).isEqualTo(5_432_100L);
    assertThat(totals.fetchedAt()).isNotNull();
    HealthReport ready = settled(HealthReport.Status.OK, "ready");
    assertThat(ready.lastSuccess()).isNotNull();
    assertThat(published).containsExactly(totals);
    assertThat(followUp.following()).isEmpty();
    assertThat(health).anyMatch(h -> h.status() == HealthReport.Status.OK
        && "figures not available yet".equals(h.details().getString("note")));

    assertThat(tokenForms).hasSize(1);
    MultiMap form = tokenForms.get(0);
    assertThat(form.get("content-type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form.get("grant_type")).isEqualTo("refresh_token");
    assertThat(form.get("client_id")).isEqualTo("1234-abc.apps.googleusercontent.com");
    assertThat(form.get("client_secret")).isEqualTo(CLIENT_SECRET);
    assertThat(form.get("refresh_token")).isEqualTo(REFRESH_TOKEN);
    // two "not yet" asks of the live metrics, then the live metrics and the watch time
    assertThat(reportAsks).hasSize(4);
    assertThat(reportAsks).allSatisfy(asked -> {
      assertThat(asked.path()).isEqualTo("/v2/reports");
      assertThat(asked.authorization()).isEqualTo("Bearer " + ACCESS + "1");
      assertThat(asked.params().get("ids")).isEqualTo("channel==MINE");
      assertThat(asked.params().get("startDate")).isEqualTo("2026-05-04");
      assertThat(asked.params().get("endDate")).isEqualTo("2026-05-05");
      assertThat(asked.params().get("filters")).isEqualTo("video==vid1");
    });
    assertThat(reportAsks.stream().map(a -> a.params().get("metrics")).toList()).containsExactly(
        "averageConcurrentViewers,peakConcurrentViewers", "averageConcurrentViewers,peakConcurrentViewers",
        "averageConcurrentViewers,peakConcurrentViewers", "estimatedMinutesWatched");
    assertThat(everythingShown()).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN)
        .doesNotContain(ACCESS);
  }

  @Test
  void a_refused_access_token_is_refreshed_once_and_the_ask_made_again() throws Exception {
    refusedToken = ACCESS + "1";
    reports = (metrics, n) -> new Object[] {200, table(metrics, true)};
    YouTubeAnalytics analytics = analytics();

    YouTubeAnalytics.Answer answer = await(analytics.ask("vid1", NIGHT, NIGHT));

    assertThat(answer.kind()).isEqualTo(YouTubeAnalytics.Kind.READY);
    assertThat(answer.totals().peakConcurrent()).isEqualTo(48213L);
    assertThat(analytics.tokenRefreshes()).isEqualTo(2);
    assertThat(reportAsks.stream().map(Asked::authorization).toList()).containsExactly("Bearer " + ACCESS + "1",
        "Bearer " + ACCESS + "2", "Bearer " + ACCESS + "2");

    refusedToken = ACCESS + "2";
    tokens.set(1); // the endpoint hands out the refused token again: a second 401 is an error, not a loop
    YouTubeAnalytics.Answer refused = await(analytics.ask("vid1", NIGHT, NIGHT));
    assertThat(refused.kind()).isEqualTo(YouTubeAnalytics.Kind.FAILED);
    assertThat(refused.problem()).startsWith("the access token was refused (401) even just after a refresh")
        .contains("yt-analytics.readonly");
  }

  @Test
  void quota_exceeded_is_degraded_health_saying_so_and_the_asking_goes_on() throws Exception {
    AtomicInteger quota = new AtomicInteger(1);
    reports = (metrics, n) -> quota.get() == 1 ? new Object[] {403, new JsonObject().put("error", new JsonObject()
        .put("code", 403).put("message", "The request cannot be completed because you have exceeded your quota.")
        .put("errors", new JsonArray().add(new JsonObject().put("reason", "quotaExceeded")
            .put("domain", "youtube.quota")))).encode()} : new Object[] {200, table(metrics, true)};
    AnalyticsFollowUp followUp = followUp(Duration.ofHours(48));
    var totals = followUp.follow("vid1", NIGHT, NIGHT);

    HealthReport degraded = settled(HealthReport.Status.DEGRADED, "failing");
    assertThat(degraded.lastError()).isEqualTo("video vid1: quota exceeded (403): quotaExceeded");
    assertThat(degraded.details().getJsonObject("videos").getJsonObject("vid1").getString("note"))
        .isEqualTo("quota exceeded (403): quotaExceeded");
    quota.set(0);

    assertThat(await(totals).minutesWatched()).isEqualTo(5_432_100L);
    settled(HealthReport.Status.OK, "ready");
  }

  @Test
  void nonsense_a_revoked_refresh_token_and_no_figures_by_the_deadline_are_clear_errors_without_secrets()
      throws Exception {
    reports = (metrics, n) -> new Object[] {200, "<html>Service Unavailable</html>"};
    YouTubeAnalytics.Answer nonsense = await(analytics().ask("vid1", NIGHT, NIGHT));
    assertThat(nonsense.kind()).isEqualTo(YouTubeAnalytics.Kind.FAILED);
    assertThat(nonsense.problem()).startsWith("unreadable answer (not the documented result table)");

    tokenStatus = 400;
    YouTubeAnalytics.Answer revoked = await(analytics().ask("vid1", NIGHT, NIGHT));
    assertThat(revoked.problem()).isEqualTo("the token endpoint refused a new access token (invalid_grant: Token "
        + "has been expired or revoked.): authorize the channel again and replace "
        + "youtubeAnalytics.refreshTokenFile");

    tokenStatus = 200;
    reports = (metrics, n) -> new Object[] {200, table(metrics, false)};
    AnalyticsFollowUp followUp = followUp(Duration.ofMillis(300));
    Throwable gaveUp;
    try {
      await(followUp.follow("vid1", NIGHT, NIGHT));
      throw new AssertionError("no figures, yet the follow-up did not give up");
    } catch (ExecutionException e) {
      gaveUp = e.getCause();
    }
    assertThat(gaveUp.getMessage()).isEqualTo("gave up after 300 ms: the figures never came");
    HealthReport degraded = settled(HealthReport.Status.DEGRADED, "gave up");
    assertThat(degraded.lastError()).isEqualTo("video vid1: gave up after 300 ms: the figures never came");
    assertThat(published).isEmpty();
    assertThat(everythingShown() + nonsense + revoked).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN)
        .doesNotContain(ACCESS);
  }
}
