package io.tallycast.app;

import io.tallycast.report.ReportSettings;
import io.tallycast.report.ReportVerticle;
import io.vertx.core.Future;

/**
 * The night's report: made when a channel goes off air and mailed where configured ({@link ReportVerticle}). A consumer
 * of the store's announcements, deployed before the sources.
 */
public final class ReportPart implements Part {
  static final String NAME = "report";
  private final ReportSettings settings;

  public ReportPart(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return assembly.vertx().deployVerticle(new ReportVerticle(settings, assembly.dataDir()));
  }
}
