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

  /**
   * A Vert.x instance in a cluster: its event bus listens on {@code host} (the cluster's interface, never every one) at
   * {@code busPort} (0: any free port, which the cluster manager tells the other nodes).
   */
  public static io.vertx.core.Future<MeteredVertx> clustered(io.vertx.core.spi.cluster.ClusterManager manager,
                                                            String host, int busPort) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.globalRegistry.add(prometheus);
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
        .setJvmMetricsEnabled(true));
    options.getEventBusOptions().setHost(host).setPort(busPort);
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(prometheus))
        .withClusterManager(manager).buildClustered()
        .map(vertx -> new MeteredVertx(vertx, Optional.of(prometheus)))
        .onFailure(e -> {
          Metrics.globalRegistry.remove(prometheus);
          prometheus.close();
        });
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
