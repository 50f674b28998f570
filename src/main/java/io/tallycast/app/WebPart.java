package io.tallycast.app;

import io.tallycast.operator.OperatorApi;
import io.tallycast.operator.OperatorToken;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.operator.OverlaySettings;
import io.tallycast.web.ApiVerticle;
import io.tallycast.web.WebConfig;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The web side: the results API (REST, live channel, health board, metrics, the overlay and console pages) with the
 * operator's routes, reading the store and writing only through it. The demo adds the replay site's fault switches.
 */
public final class WebPart implements Part {
  static final String NAME = "web";
  private final WebConfig web;
  private final OverlayConfig overlay;
  private final Optional<String> faultSwitches;

  public WebPart(WebConfig web, OverlayConfig overlay) {
    this(web, overlay, Optional.empty());
  }

  private WebPart(WebConfig web, OverlayConfig overlay, Optional<String> faultSwitches) {
    this.web = web;
    this.overlay = overlay;
    this.faultSwitches = faultSwitches;
  }

  /** The overlay's title, subtitle and logo. */
  public WebPart withOverlay(OverlayConfig value) {
    return new WebPart(web, value, faultSwitches);
  }

  /** The demo's replay site controls ("http://127.0.0.1:PORT/_replay/") behind the console's fault switches. */
  public WebPart withFaultSwitches(String replayControlUrl) {
    return new WebPart(web, overlay, Optional.of(replayControlUrl));
  }

  public WebConfig config() {
    return web;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    var election = assembly.election();
    var main = election.main();
    return assembly.vertx().executeBlocking(() -> new OperatorApi(OperatorToken.loadOrCreate(assembly.dataDir()),
            OverlaySettings.load(assembly.dataDir(), overlay, main.state(), main.seats().size(), main.majority()),
            faultSwitches))
        .compose(operator -> {
          ApiVerticle api = new ApiVerticle(web, election, assembly.reader(), assembly.runtime().prometheus(),
              assembly.maps(), Optional.of(operator), Optional.of(assembly.night()));
          return assembly.vertx().deployVerticle(api).map(id -> {
            assembly.web(new Assembly.Web(api.port(), web.localUrl(api.port()), operator));
            return id;
          });
        });
  }
}
