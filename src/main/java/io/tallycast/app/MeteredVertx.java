package io.tallycast.app;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.Optional;

/**
 * A Vert.x instance whose own metrics and tallycast's meters (Micrometer's global registry) feed one Prometheus page.
 */
public record MeteredVertx(Vertx vertx, Optional<PrometheusMeterRegistry> prometheus) {

  public static MeteredVertx create() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.globalRegistry.add(prometheus);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(prometheus))
        .build();
    return new MeteredVertx(vertx, Optional.of(prometheus));
  }

  /** A Vert.x instance made elsewhere (tests), without a Prometheus page. */
  public static MeteredVertx of(Vertx vertx) {
    return new MeteredVertx(vertx, Optional.empty());
  }

  public void close() {
    try {
      vertx.close().await();
    } finally {
      prometheus.ifPresent(p -> {
        Metrics.globalRegistry.remove(p);
        p.close();
      });
    }
  }
}
