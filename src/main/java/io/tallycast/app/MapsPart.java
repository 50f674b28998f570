package io.tallycast.app;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapPlace;
import io.tallycast.map.MapRenderer;
import io.tallycast.map.MapSource;
import io.tallycast.map.MapsVerticle;
import io.tallycast.map.PublishedMaps;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map renderers, one per state that has maps: each paints its state's seats from the store, then follows its
 * events; offers the published maps by state code.
 */
public final class MapsPart implements Part {
  static final String NAME = "maps";
  /** A source per state code. */
  private final Map<String, MapSource> sources;

  public MapsPart(Map<String, MapSource> sources) {
    this.sources = new LinkedHashMap<>(sources);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    Election election = assembly.election();
    List<MapRenderer> renderers = new ArrayList<>();
    Map<String, PublishedMaps> published = new LinkedHashMap<>();
    for (ElectionData state : election.states()) {
      String code = state.stateCode();
      MapSource source = sources.get(code);
      if (source == null) {
        continue; // a state without maps: its tallies and seats still show
      }
      MapPlace place = election.severalStates() ? MapPlace.ofState(code, assembly.dataDir())
          : MapPlace.single(code, assembly.dataDir());
      MapRenderer renderer = new MapRenderer(source, place, assembly.reader(), state.parties());
      renderers.add(renderer);
      published.put(code, renderer.maps());
    }
    assembly.maps(published);
    return assembly.vertx().deployVerticle(new MapsVerticle(renderers));
  }
}
