package io.tallycast.app;

import io.tallycast.map.MapRenderer;
import io.tallycast.map.MapSource;
import io.vertx.core.Future;

/**
 * The map renderer on a source of maps: paints the store's state, then follows its events; offers the published maps.
 */
public final class MapsPart implements Part {
  static final String NAME = "maps";
  private final MapSource source;

  public MapsPart(MapSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    MapRenderer renderer = new MapRenderer(source, assembly.dataDir(), assembly.reader(),
        assembly.election().parties());
    assembly.maps(renderer.maps());
    return assembly.vertx().deployVerticle(renderer);
  }
}
