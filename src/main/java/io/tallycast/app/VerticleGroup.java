package io.tallycast.app;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/**
 * A part made of several verticles, deployed one after the other as one deployment: undeploying it undeploys them
 * all (Vert.x stops a verticle's children with it), so the part still has the one deployment id an engine stops.
 */
final class VerticleGroup extends VerticleBase {
  private final List<Deployable> members;

  VerticleGroup(List<Deployable> members) {
    this.members = List.copyOf(members);
  }

  @Override
  public Future<?> start() {
    Future<?> chain = Future.succeededFuture();
    for (Deployable member : members) {
      chain = chain.compose(v -> vertx.deployVerticle(member));
    }
    return chain;
  }
}
