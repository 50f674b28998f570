package io.tallycast.audience;

import io.tallycast.bus.BroadcastEnded;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The audience of a run: the {@link ViewerCollector} asking every platform on its timer (each reading published on
 * {@link Contract#VIEWERS}, where the store keeps it), and, where configured, YouTube Analytics asked for its own
 * figures once a broadcast has ended ({@link Contract#BROADCAST_ENDED}) until they arrive.
 */
public final class AudienceVerticle extends VerticleBase {
  private final AudienceConfig config;
  private AnalyticsFollowUp followUp;

  public AudienceVerticle(AudienceConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("tallycast")
        .setConnectTimeout(5_000).setIdleTimeout(30));
    Bus bus = Bus.of(vertx);
    ViewerCollector.Timing defaults = ViewerCollector.Timing.defaults();
    ViewerCollector.Timing timing = new ViewerCollector.Timing(config.interval(),
        config.interval().compareTo(defaults.backoffFirst()) < 0 ? config.interval() : defaults.backoffFirst(),
        defaults.backoffMax());
    config.analytics().ifPresent(a -> {
      followUp = AnalyticsFollowUp.create(vertx, a);
      bus.subscribe(Contract.BROADCAST_ENDED, this::ended);
    });
    return vertx.deployVerticle(new ViewerCollector(config.sources(client, Clock.systemUTC()), timing,
        reading -> bus.publish(Contract.VIEWERS, reading)));
  }

  /** YouTube Analytics reports by day (UTC): the days the broadcast touched. */
  private void ended(BroadcastEnded ended) {
    config.youtubeVideo().ifPresent(video -> followUp.follow(video, ended.started().atZone(ZoneOffset.UTC)
        .toLocalDate(), ended.ended().atZone(ZoneOffset.UTC).toLocalDate()));
  }

  @Override
  public Future<?> stop() {
    if (followUp != null) {
      followUp.stop();
    }
    return Future.succeededFuture();
  }
}
