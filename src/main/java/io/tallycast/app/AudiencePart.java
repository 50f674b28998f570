package io.tallycast.app;

import io.tallycast.audience.AudienceConfig;
import io.tallycast.audience.AudienceVerticle;
import io.tallycast.bus.Contract;
import io.vertx.core.Future;

/**
 * The platforms' viewers ({@link AudienceVerticle}): every reading published on {@link Contract#VIEWERS}, where the
 * store keeps it and the console shows it, and YouTube's own figures after a broadcast where configured. A source, like
 * the scraper: deployed after everything that consumes what it finds.
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
    return assembly.vertx().deployVerticle(new AudienceVerticle(config));
  }
}
