package io.tallycast.web;

import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.Wire;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/cluster}: the cluster as this node sees it ({@link ClusterView}, asked of the node's cluster
 * part), as {@code {"clustered": true, ...}}. A run that is not a node of a cluster ({@code serve}, {@code demo}) has
 * no one to ask and answers 404 {@code {"clustered": false}}: the console then shows no Cluster panel. Read-only and
 * without secrets, like the health.
 */
final class ClusterRoutes {
  private static final long ASK_MS = 10_000;
  private final Bus bus;

  ClusterRoutes(Bus bus) {
    this.bus = bus;
  }

  void mount(Router router) {
    router.get("/api/cluster").handler(this::cluster);
  }

  /** The API's (and the live channel's {@code cluster} event's) form of a view. */
  static JsonObject answer(ClusterView view) {
    return new JsonObject().put("clustered", true).mergeIn(Wire.json(view));
  }

  private void cluster(RoutingContext ctx) {
    bus.request(Contract.CLUSTER_STATUS, null, ASK_MS)
        .onSuccess(view -> ApiVerticle.send(ctx, 200, answer(view)))
        .onFailure(e -> {
          if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            ApiVerticle.send(ctx, 404, new JsonObject().put("clustered", false)
                .put("error", "not a node of a cluster (tallycast node runs one)"));
          } else {
            ApiVerticle.error(ctx, 503, "the cluster's status is not available now: " + e.getMessage());
          }
        });
  }
}
