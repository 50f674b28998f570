package io.tallycast.app;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapPlace;
import io.tallycast.map.MapRenderer;
import io.tallycast.map.MapScope;
import io.tallycast.map.MapSource;
import io.tallycast.map.MapsVerticle;
import io.tallycast.map.NationalMap;
import io.tallycast.map.PublishedMaps;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The map renderers, one per state that has maps, and one for the national map when there is one: each paints its
 * seats from the store, then follows their events; offers the published maps by state code (the national map under
 * {@link MapPlace#NATIONAL}).
 */
public final class MapsPart implements Part {
  static final String NAME = "maps";
  /** A source per state code. */
  private final Map<String, MapSource> sources;
  private final Optional<NationalMap> national;

  public MapsPart(Map<String, MapSource> sources) {
    this(sources, Optional.empty());
  }

  /** @param national the map of every state's seats (the Lok Sabha's 543), fed from every state's events */
  public MapsPart(Map<String, MapSource> sources, Optional<NationalMap> national) {
    this.sources = new LinkedHashMap<>(sources);
    this.national = national;
  }

  /** The same states' maps with this national map. */
  MapsPart withNational(Optional<NationalMap> value) {
    return new MapsPart(sources, value);
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
    national.ifPresent(n -> {
      MapRenderer renderer = new MapRenderer(n.source(), MapPlace.national(assembly.dataDir()), assembly.reader(),
          MapScope.national(election, n.numbers()));
      renderers.add(renderer);
      published.put(MapPlace.NATIONAL, renderer.maps());
    });
    assembly.maps(published);
    return assembly.vertx().deployVerticle(new MapsVerticle(renderers));
  }
}
