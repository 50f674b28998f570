package io.tallycast.app;

import io.tallycast.audience.AudienceConfig;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.map.NationalMap;
import io.tallycast.operator.OperatorToken;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.store.ResultsReader;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.web.WebConfig;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results pipeline of DESIGN.md assembled from its {@link Part}s and deployed in data-flow order: the store (one
 * worker: the single writer), the map renderer when the run has maps (paints the store's state, then follows its
 * events), the web side with the operator's routes (reads; writes only through the store), the night's report when
 * configured (follows the store's announcements), the stream of the overlay (or its "off" form), on a node of a
 * cluster the placement of its channels, then the sources: the platforms' audience when configured and the scraper, so
 * nothing is scraped before it can be stored, drawn, served and shown.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private final Assembly assembly;
  /** Deployment ids in the order deployed: the store first, the scraper (the source) last. */
  private final List<String> deployed;

  private Engine(Assembly assembly, List<String> deployed) {
    this.assembly = assembly;
    this.deployed = List.copyOf(deployed);
  }

  /**
   * The parts of one run, each named: the store, the web side and the scraper always; maps when given; the stream or,
   * without one, its "off" form. A new part is a {@link Part} class and a named slot here, never a positional argument.
   */
  public static final class Config {
    private final Election election;
    private final Path dataDir;
    private final Optional<MapsPart> maps;
    private final WebPart web;
    private final StreamPart stream;
    private final Optional<AudiencePart> audience;
    private final Optional<ReportPart> report;
    private final Optional<Part> placement;
    private final Part scraper;

    private Config(Election election, Path dataDir, Optional<MapsPart> maps, WebPart web, StreamPart stream,
                   Optional<AudiencePart> audience, Optional<ReportPart> report, Optional<Part> placement,
                   Part scraper) {
      this.election = election;
      this.dataDir = dataDir;
      this.maps = maps;
      this.web = web;
      this.stream = stream;
      this.audience = audience;
      this.report = report;
      this.placement = placement;
      this.scraper = scraper;
    }

    /** One state's run: see {@link #of(Election, Path, ScrapeConfig, WebConfig)}. */
    public static Config of(ElectionData state, Path dataDir, ScrapeConfig scrape, WebConfig web) {
      return of(Election.of(state), dataDir, scrape, web);
    }

    /** The store, the API with the demo's overlay texts and no fault switches, no maps, no stream, the scraper. */
    public static Config of(Election election, Path dataDir, ScrapeConfig scrape, WebConfig web) {
      return new Config(election, dataDir, Optional.empty(), new WebPart(web, OverlayConfig.demo()),
          StreamPart.absent(), Optional.empty(), Optional.empty(), Optional.empty(), new ScraperPart(scrape));
    }

    /** Maps from a folder or embedded. */
    public Config withMaps(MapSource source) {
      return withMaps(Map.of(election.main().stateCode(), source));
    }

    /** Each state's maps, by state code; a state left out has none (its tallies and seats still show). */
    public Config withMaps(Map<String, MapSource> byState) {
      return byState.isEmpty() ? this : new Config(election, dataDir, Optional.of(new MapsPart(byState)), web, stream,
          audience, report, placement, scraper);
    }

    /**
     * The map of every state's seats (the Lok Sabha's national map), repainted from every state's events; none leaves
     * the configuration as it is.
     */
    public Config withNationalMap(Optional<NationalMap> value) {
      if (value.isEmpty()) {
        return this;
      }
      MapsPart part = maps.map(m -> m.withNational(value)).orElseGet(() -> new MapsPart(Map.of(), value));
      return new Config(election, dataDir, Optional.of(part), web, stream, audience, report, placement, scraper);
    }

    /** Maps when there is a source; none otherwise (a build without embedded maps, a configuration without them). */
    public Config withMaps(Optional<MapSource> source) {
      return source.map(this::withMaps).orElse(this);
    }

    /** The overlay's title, subtitle and logo. */
    public Config withOverlay(OverlayConfig value) {
      return new Config(election, dataDir, maps, web.withOverlay(value), stream, audience, report, placement,
          scraper);
    }

    /** The demo's replay site controls, behind the operator's fault switches. */
    public Config withReplayControl(String url) {
      return new Config(election, dataDir, maps, web.withFaultSwitches(url), stream, audience,
          report, placement, scraper);
    }

    /** The overlay's stream (capture, encode, destinations). */
    public Config withStream(StreamVerticle.Settings value) {
      return withStream(StreamPart.of(value));
    }

    /** The stream when there are settings for one; its "off" form otherwise. */
    public Config withStream(Optional<StreamVerticle.Settings> value) {
      return withStream(value.map(StreamPart::of).orElseGet(StreamPart::absent));
    }

    /** The overlay's channels, each its own capture, encoder and destinations; none is the stream's "off" form. */
    public Config withChannels(List<StreamVerticle.Settings> channels) {
      return withStream(channels.isEmpty() ? StreamPart.absent() : StreamPart.of(channels));
    }

    /** The stream part: {@link StreamPart#of} or {@link StreamPart#absent}. */
    public Config withStream(StreamPart value) {
      return new Config(election, dataDir, maps, web, value, audience, report, placement, scraper);
    }

    /** The platforms' viewers, asked on a timer and kept beside the results; none when there are no platforms. */
    public Config withAudience(Optional<AudienceConfig> value) {
      return new Config(election, dataDir, maps, web, stream, value.filter(a -> !a.platforms().isEmpty())
          .map(AudiencePart::new), report, placement, scraper);
    }

    /** The source in another form: on a cluster, the part that scrapes only the states this node owns. */
    public Config withScraper(Part value) {
      return new Config(election, dataDir, maps, web, stream, audience, report, placement, value);
    }

    /**
     * On a cluster: the part that places each stream channel on one node (deployed after the stream, which it hands
     * the channels to, and stopped before it).
     */
    public Config withChannelPlacement(Part value) {
      return new Config(election, dataDir, maps, web, stream, audience, report, Optional.of(value), scraper);
    }

    /** The night's report when a channel goes off air, mailed where configured. */
    public Config withReport(ReportPart value) {
      return new Config(election, dataDir, maps, web, stream, audience, Optional.of(value), placement, scraper);
    }

    public Election election() {
      return election;
    }

    public Path dataDir() {
      return dataDir;
    }

    public WebConfig web() {
      return web.config();
    }

    /** The parts in data-flow order, as they are deployed (and undeployed in reverse). */
    public List<Part> parts() {
      List<Part> parts = new ArrayList<>();
      parts.add(new StorePart());
      maps.ifPresent(parts::add);
      parts.add(web);
      report.ifPresent(parts::add);
      parts.add(stream);
      placement.ifPresent(parts::add);
      audience.ifPresent(parts::add);
      parts.add(scraper);
      return List.copyOf(parts);
    }
  }

  public static Future<Engine> start(MeteredVertx runtime, Config config) {
    return start(runtime, config.election(), config.dataDir(), config.parts());
  }

  /** The parts deployed one after the other in the order given: data-flow order, the source last. */
  public static Future<Engine> start(MeteredVertx runtime, ElectionData state, Path dataDir, List<Part> parts) {
    return start(runtime, Election.of(state), dataDir, parts);
  }

  /** The parts deployed one after the other in the order given: data-flow order, the source last. */
  public static Future<Engine> start(MeteredVertx runtime, Election election, Path dataDir, List<Part> parts) {
    Assembly assembly = new Assembly(runtime, election, dataDir);
    List<String> deployed = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Part part : parts) {
      chain = chain.compose(v -> part.deploy(assembly)
          .onFailure(e -> LOG.debug("the {} part did not start", part.name(), e))
          .map(id -> {
            deployed.add(id);
            return null;
          }));
    }
    return chain.map(v -> new Engine(assembly, deployed));
  }

  public int apiPort() {
    return assembly.web().port();
  }

  public ResultsReader reader() {
    return assembly.reader();
  }

  public MeteredVertx runtime() {
    return assembly.runtime();
  }

  /** The operator token: the command prints it when {@link OperatorToken#created()}, and tests send it. */
  public OperatorToken operatorToken() {
    return assembly.web().operator().token();
  }

  /**
   * Stops the parts against the flow of data: the scraper first (its cycle under way ends and is stored), then the
   * stream, the API, the maps and last the store, which commits its batch; then Vert.x and the read side. Undeploying
   * all at once would let a cycle in flight meet a store already gone.
   */
  public void close() throws Exception {
    for (int i = deployed.size() - 1; i >= 0; i--) {
      try {
        assembly.vertx().undeploy(deployed.get(i)).await();
      } catch (Exception e) {
        LOG.warn("stopping: {}", e.getMessage());
      }
    }
    assembly.runtime().close();
    assembly.closeAfterVertx();
  }
}
