package io.tallycast.app;

import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScraperVerticle;
import io.vertx.core.Future;

/** The scraper: the source, deployed last so nothing is read before it can be stored, drawn, served and shown. */
public final class ScraperPart implements Part {
  static final String NAME = "scraper";
  private final ScrapeConfig scrape;

  public ScraperPart(ScrapeConfig scrape) {
    this.scrape = scrape;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return assembly.vertx().deployVerticle(new ScraperVerticle(scrape, assembly.election()));
  }
}
