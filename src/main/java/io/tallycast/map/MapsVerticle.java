package io.tallycast.map;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/**
 * The maps of every state that has them: one {@link MapRenderer} each (its own painter pass, health and files),
 * deployed as this verticle's children, so undeploying this one stops them all.
 */
public final class MapsVerticle extends VerticleBase {
  private final List<MapRenderer> renderers;

  public MapsVerticle(List<MapRenderer> renderers) {
    this.renderers = List.copyOf(renderers);
  }

  @Override
  public Future<?> start() {
    return Future.all(renderers.stream().map(r -> vertx.deployVerticle(r)).toList());
  }
}
