package io.tallycast.app;

import io.tallycast.audience.AudienceConfig;
import io.tallycast.audience.ViewerCollector;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;

/**
 * The platforms' viewers: a {@link ViewerCollector} asking each configured platform on its timer and publishing every
 * reading on {@link Contract#VIEWERS}, where the store keeps it and the console shows it. A source, like the scraper:
 * deployed after everything that consumes what it finds.
 */
public final class AudiencePart implements Part {
  static final String NAME = "audience";
  private final AudienceConfig config;

  public AudiencePart(AudienceConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    WebClient client = WebClient.create(assembly.vertx(), new WebClientOptions().setUserAgent("tallycast")
        .setConnectTimeout(5_000).setIdleTimeout(30));
    Bus bus = Bus.of(assembly.vertx());
    ViewerCollector.Timing defaults = ViewerCollector.Timing.defaults();
    ViewerCollector.Timing timing = new ViewerCollector.Timing(config.interval(),
        config.interval().compareTo(defaults.backoffFirst()) < 0 ? config.interval() : defaults.backoffFirst(),
        defaults.backoffMax());
    return assembly.vertx().deployVerticle(new ViewerCollector(config.sources(client, Clock.systemUTC()), timing,
        reading -> bus.publish(Contract.VIEWERS, reading)));
  }
}
