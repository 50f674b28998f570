package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.ElectionConfig;
import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.support.Pipeline;
import io.tallycast.web.WebConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as the demo wires it (the replay site's control URL given) with a configured logo: the replay site's fault
 * switches work through the operator API, and the logo is served where /api/overlay says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSwitchesAndLogoTest {
  private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>";
  @TempDir
  static Path dir;
  Vertx vertx;
  ReplaySite site;
  Engine engine;
  WebClient http;
  OperatorClient operator;

  @BeforeAll
  void demoWithALogo() throws Exception {
    vertx = Vertx.vertx();
    Path logo = Files.writeString(dir.resolve("channel-logo.svg"), LOGO);
    site = ReplaySite.start(vertx, Pipeline.WEST_BENGAL, ReplayOptions.defaults().withSpeed(1)).await();
    ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), "S25").withInterval(Duration.ofMillis(100))
        .withRequestTimeout(Duration.ofMillis(600)).withMaxBackoff(Duration.ofMillis(400));
    engine = Engine.start(MeteredVertx.of(vertx), Engine.Config.of(Pipeline.WEST_BENGAL, dir.resolve("data"), scrape,
            WebConfig.on(0)).withOverlay(new OverlayConfig("Night of results", "", logo))
        .withReplayControl(site.controlUrl())).await();
    http = WebClient.create(vertx);
    operator = new OperatorClient(http, engine.apiPort(), engine.operatorToken().value());
  }

  @AfterAll
  void stop() throws Exception {
    engine.close();
  }

  private JsonArray siteFaults() {
    return http.get(site.port(), "127.0.0.1", "/_replay/faults").send().await().bodyAsJsonArray();
  }

  @Test
  void a_fault_switched_on_the_console_is_on_at_the_replay_site_and_off_again() {
    HttpResponse<Buffer> none = operator.get("/api/operator/replay/faults");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.bodyAsJsonArray()).isEqualTo(siteFaults());

    HttpResponse<Buffer> on = operator.put("/api/operator/replay/faults/http-500",
        new JsonObject().put("pages", "list"));
    assertThat(on.statusCode()).as(on.bodyAsString()).isEqualTo(200);
    assertThat(siteFaults()).anySatisfy(f -> assertThat(((JsonObject) f).getString("name")).isEqualTo("http-500"));
    assertThat(operator.get("/api/operator/replay/faults").bodyAsJsonArray()).isEqualTo(siteFaults());
    // the scraper meets it
    await().atMost(Duration.ofSeconds(30)).until(() -> "down".equals(health().getJsonObject("parts")
        .getJsonObject("scraper").getString("status")));

    HttpResponse<Buffer> off = operator.delete("/api/operator/replay/faults/http-500", null);
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(siteFaults()).isEmpty();
    operator.put("/api/operator/replay/faults/slow", new JsonObject().put("delayMs", 10));
    assertThat(operator.delete("/api/operator/replay/faults", null).bodyAsJsonArray()).isEmpty();
    assertThat(siteFaults()).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(health().getJsonObject("parts")
        .getJsonObject("scraper").getString("status")));
  }

  @Test
  void the_replay_sites_refusals_come_back_as_they_are() {
    HttpResponse<Buffer> unknown = operator.put("/api/operator/replay/faults/no-such-fault", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).startsWith("unknown fault 'no-such-fault'; known: ");
    HttpResponse<Buffer> bad = operator.put("/api/operator/replay/faults/slow", "{\"pages\":\"some\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error"))
        .contains("\"pages\" must be all, list, statewise, json, party or seat");
    HttpResponse<Buffer> sneaky = operator.put("/api/operator/replay/faults/..%2Fclock", null);
    assertThat(sneaky.statusCode()).isEqualTo(404);
    assertThat(siteFaults()).isEmpty();
  }

  @Test
  void a_configured_logo_is_served_where_the_overlay_settings_say() {
    JsonObject overlay = http.get(engine.apiPort(), "127.0.0.1", "/api/overlay").send().await().bodyAsJsonObject();
    assertThat(overlay.getString("title")).isEqualTo("Night of results");
    assertThat(overlay.getString("logo")).isEqualTo("/api/overlay/logo");
    HttpResponse<Buffer> logo = http.get(engine.apiPort(), "127.0.0.1", overlay.getString("logo")).send().await();
    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(logo.getHeader("Content-Type")).startsWith("image/svg+xml");
    assertThat(logo.bodyAsString(StandardCharsets.UTF_8.name())).isEqualTo(LOGO);
  }

  @Test
  void the_example_configuration_sets_the_overlay_texts_and_a_missing_logo_file_stops_the_start() throws Exception {
    Path example = Path.of("examples/west-bengal.yaml");
    ElectionConfig config = ElectionConfig.read(example);
    OverlayConfig overlay = config.overlayConfig(example.toAbsolutePath().getParent());
    assertThat(overlay.title()).isEqualTo("West Bengal Assembly Election 2026");
    assertThat(overlay.subtitle()).isEqualTo("পশ্চিমবঙ্গ বিধানসভা নির্বাচন ২০২৬");
    assertThat(overlay.logo()).isNull();

    Path yaml = Files.writeString(dir.resolve("night.yaml"), Files.readString(example)
        .replace("  # logo: channel-logo.png", "  logo: no-such-logo.png"));
    ElectionConfig broken = ElectionConfig.read(yaml);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.overlayConfig(dir))
        .hasMessageContaining("overlay.logo: no readable file at").hasMessageContaining("no-such-logo.png");
    Path withLogo = Files.writeString(dir.resolve("night2.yaml"), Files.readString(example)
        .replace("  # logo: channel-logo.png", "  logo: channel-logo.svg"));
    assertThat(ElectionConfig.read(withLogo).overlayConfig(dir).logo()).isEqualTo(dir.resolve("channel-logo.svg"));
  }

  private JsonObject health() {
    return http.get(engine.apiPort(), "127.0.0.1", "/api/health").send().await().bodyAsJsonObject();
  }
}
