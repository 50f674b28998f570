package io.tallycast.app;

import io.vertx.core.Future;

/**
 * One part of the engine (the store, the maps, the web side with the operator's routes, the stream, the scraper): it
 * deploys its own verticle, which reports its own health ({@code HealthReport}), and offers the parts deployed after
 * it what they need through the {@link Assembly} (the store its reader, the web side its address). A part that is not
 * in a run is not in the list; a part that must answer even when off (the stream) has an "off" form of its own.
 */
public interface Part {
  /** The part's name, as its health report names it. */
  String name();

  /** Deploys the part; the future holds its deployment id, undeployed when the engine stops. */
  Future<String> deploy(Assembly assembly);
}
