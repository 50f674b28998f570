package io.tallycast.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tallycast.audience.AudienceConfig;
import io.tallycast.cluster.ChannelNodes;
import io.tallycast.cluster.ClusterConfig;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.StateCodes;
import io.tallycast.map.MapSource;
import io.tallycast.map.NationalMap;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.report.ReportSettings;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.stream.StreamOptions;
import io.tallycast.stream.StreamSettings;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import io.tallycast.web.WebConfig;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The election-night configuration file ({@code tallycast serve --config election.yaml}); see examples/ in the
 * repository. File paths are relative to the configuration file; {@code classpath:} names embedded data.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ElectionConfig(Election election, Source source, String dataDir, String host, Integer port, String maps,
                             Overlay overlay, Stream stream, List<Stream> channels, AudienceConfig.Yaml audience,
                             ReportSettings.Yaml report, ClusterConfig.Yaml cluster) {
  /** {@code maps: embedded}: the maps this build carries for an embedded election. */
  public static final String EMBEDDED_MAPS = "embedded";

  /**
   * One state (state, stateCode, parties, seats, past, pastYear), or a counting day of several: a {@code name} and
   * {@code states}, a list of such entries, each with its own {@code maps} (a folder or classpath:). stateCode is
   * ECI's code ("S25", "U07"); a bare number (25), as files before union territories wrote it, is S25. Or
   * {@code embedded}: an election this build carries (may2021, wb2021), with no files.
   */
  public record Election(String name, String state, String stateCode, String parties, String seats, String past,
                         Integer pastYear, List<State> states, String embedded) {
    public Election {
      stateCode = StateCodes.parse(stateCode);
    }
  }

  /** One state of a counting day of several; parties may be left out when the election names them once. */
  public record State(String state, String stateCode, String parties, String seats, String past, Integer pastYear,
                      String maps) {
    public State {
      stateCode = StateCodes.parse(stateCode);
    }
  }

  /** staleAfterSeconds: a seat not read for longer is stale in health; unset = three intervals (see ScrapeConfig). */
  public record Source(String baseUrl, Integer listPages, Double intervalSeconds, Double timeoutSeconds,
                       Integer concurrency, Double maxBackoffSeconds, List<String> allowedHosts,
                       Double staleAfterSeconds) {
  }

  /** The optional {@code overlay:} section; logo is an image file relative to the configuration file. */
  public record Overlay(String title, String subtitle, String logo) {
  }

  /**
   * The optional {@code stream:} section, parsed and defaulted by {@link StreamSettings} as the flags of demo and
   * stream are: the overlay captured and sent to a local recording (a path relative to the
   * data dir, cut into segments), YouTube (the key in a file relative to this file, or YOUTUBE_STREAM_KEY) and other
   * ingests whose URLs hold no secret. Started at once when autostart is true, otherwise from the console.
   * The same keys make each entry of {@code channels:} (several streams from one engine), with its {@code name} and the
   * page it captures: {@code scene} (one scene fixed; left out, the console's) and {@code state} (a day of several).
   * On a node of a cluster ({@code tallycast node}) {@code nodes} names the nodes that may carry it (left out: any);
   * {@code serve} does not read it.
   */
  public record Stream(String name, String scene, String state, String size, Integer fps, String bitrate, Boolean cbr,
                       String recording, String segment, String youtubeKeyFile, List<String> rtmp, Boolean autostart,
                       String diskFloor, String keepRecordings, String keepRecordingsSize, List<String> nodes) {
  }

  public static ElectionConfig read(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    ElectionConfig config = yaml.readValue(file.toFile(), ElectionConfig.class);
    if (config.election() == null || config.source() == null || config.source().baseUrl() == null) {
      throw new IllegalArgumentException(file + ": needs 'election' and 'source.baseUrl' sections");
    }
    return config;
  }

  /** The election's states from their files: the one of the old form, or each of {@code states} in order. */
  public io.tallycast.election.Election loadElection(Path base) throws IOException {
    Election e = election;
    if (e.embedded() != null && !e.embedded().isBlank()) {
      return io.tallycast.election.Election.embedded(e.embedded().strip());
    }
    if (e.states() == null || e.states().isEmpty()) {
      return io.tallycast.election.Election.of(loadState(base, new State(e.state(), e.stateCode(), e.parties(),
          e.seats(), e.past(), e.pastYear(), null)));
    }
    List<ElectionData> states = new ArrayList<>();
    for (State s : e.states()) {
      String parties = s.parties() != null ? s.parties() : e.parties();
      states.add(loadState(base, new State(s.state(), s.stateCode(), parties, s.seats(), s.past(), s.pastYear(),
          s.maps())));
    }
    return new io.tallycast.election.Election("", e.name(), states);
  }

  private static ElectionData loadState(Path base, State s) throws IOException {
    if (s.parties() == null || s.seats() == null || s.stateCode() == null) {
      throw new IllegalArgumentException("election: state " + s.state() + " needs 'stateCode', 'parties' and "
          + "'seats'");
    }
    try (Reader parties = open(base, s.parties()); Reader seats = open(base, s.seats());
         Reader past = s.past() == null ? null : open(base, s.past())) {
      return ElectionData.fromCsv(s.state(), s.stateCode(), PartyRegistry.fromCsv(parties), seats, past,
          s.pastYear() == null ? 0 : s.pastYear());
    }
  }

  /** The first state's code: the scraper reads every state with these settings under its own code. */
  private String mainStateCode() {
    if (election.embedded() != null && !election.embedded().isBlank()) {
      return io.tallycast.election.Election.embedded(election.embedded().strip()).main().stateCode();
    }
    return election.states() == null || election.states().isEmpty() ? election.stateCode()
        : election.states().get(0).stateCode();
  }

  public ScrapeConfig scrapeConfig() {
    ScrapeConfig d = ScrapeConfig.forSite(source.baseUrl(), mainStateCode());
    return new ScrapeConfig(d.baseUrl(), d.stateCode(), or(source.listPages(), d.listPages()),
        seconds(source.intervalSeconds(), d.interval()), seconds(source.timeoutSeconds(), d.requestTimeout()),
        d.slowThreshold(), or(source.concurrency(), d.concurrency()),
        seconds(source.maxBackoffSeconds(), d.maxBackoff()),
        source.allowedHosts() == null ? Set.of() : Set.copyOf(source.allowedHosts()))
        .withStaleAfter(seconds(source.staleAfterSeconds(), null));
  }

  /** host and port: a --host given on the command line over the file's, then 127.0.0.1 (this machine only). */
  public WebConfig webConfig(String hostOption) {
    return WebConfig.of(hostOption != null ? hostOption : host, port);
  }

  /** The optional {@code maps:} entry: a folder (relative to the file) or "classpath:/maps/west-bengal/". */
  public Optional<MapSource> mapSource(Path base) {
    return maps == null || maps.isBlank() || embeddedMaps() ? Optional.empty()
        : Optional.of(MapSource.parse(maps, base));
  }

  /**
   * Each state's maps by state code: the top-level {@code maps:} is the first state's, a state's own its own; with
   * {@code maps: embedded} and an {@code embedded} election, every state's maps this build carries for it.
   */
  public Map<String, MapSource> mapSources(Path base) {
    if (embeddedMaps()) {
      return MapSource.embeddedFor(embeddedElection());
    }
    Map<String, MapSource> out = new LinkedHashMap<>();
    mapSource(base).ifPresent(m -> out.put(mainStateCode(), m));
    for (State s : election.states() == null ? List.<State>of() : election.states()) {
      if (s.maps() != null && !s.maps().isBlank()) {
        out.put(s.stateCode(), MapSource.parse(s.maps(), base));
      }
    }
    return out;
  }

  /**
   * The map of every state's seats (the Lok Sabha 2024's national map), with {@code maps: embedded} and an
   * {@code embedded} election that has one; none otherwise.
   */
  public Optional<NationalMap> nationalMap() {
    return embeddedMaps() ? NationalMap.embeddedFor(embeddedElection()) : Optional.empty();
  }

  /** {@code maps: embedded}: the maps the build carries for the embedded election (refused for any other). */
  /** {@code election: embedded: NAME}: an election the build carries. */
  private boolean embedded() {
    return election.embedded() != null && !election.embedded().isBlank();
  }

  private boolean embeddedMaps() {
    if (maps == null || !EMBEDDED_MAPS.equals(maps.strip())) {
      return false;
    }
    if (election.embedded() == null || election.embedded().isBlank()) {
      throw new IllegalArgumentException("maps: '" + EMBEDDED_MAPS + "' is for an election the build carries "
          + "(election.embedded); give a folder or classpath: otherwise");
    }
    return true;
  }

  private io.tallycast.election.Election embeddedElection() {
    return io.tallycast.election.Election.embedded(election.embedded().strip());
  }

  /**
   * The overlay's title, subtitle and logo: from the {@code overlay:} section, else the state's name. A logo that is
   * configured but not there stops the start here, rather than showing a broken image on air.
   */
  public OverlayConfig overlayConfig(Path base) {
    OverlayConfig fallback = election.name() != null && !election.name().isBlank()
        ? OverlayConfig.forElection(election.name())
        : embedded() ? OverlayConfig.forElection(io.tallycast.election.Election.embedded(election.embedded().strip())
            .name()) : OverlayConfig.forState(election.state());
    if (overlay == null) {
      return fallback;
    }
    Path logo = null;
    if (overlay.logo() != null && !overlay.logo().isBlank()) {
      logo = base.resolve(overlay.logo().strip()).normalize();
      if (!Files.isRegularFile(logo) || !Files.isReadable(logo)) {
        throw new IllegalArgumentException("overlay.logo: no readable file at " + logo);
      }
    }
    return new OverlayConfig(overlay.title() == null ? fallback.title() : overlay.title(), overlay.subtitle(), logo);
  }

  /** The first channel's settings; empty without a stream (the console's start then answers 409). */
  public Optional<StreamVerticle.Settings> streamSettings(Path base) throws IOException {
    return channels(base).stream().findFirst();
  }

  /**
   * The channels: the one of {@code stream:}, or each of {@code channels:} in order (the first is the console's
   * "stream"); none without either. Both given, a name twice, a scene or state the overlay does not have: refused.
   */
  public List<StreamVerticle.Settings> channels(Path base) throws IOException {
    return channels(base, false);
  }

  /**
   * The channels as {@link #channels(Path)}; {@code autostartByDefault} is what an {@code autostart} left out means:
   * false for {@code serve} (the operator starts it), true on a node (on air as soon as the node carries it).
   */
  public List<StreamVerticle.Settings> channels(Path base, boolean autostartByDefault) throws IOException {
    if (stream != null && channels != null) {
      throw new IllegalArgumentException("give either 'stream:' (one channel) or 'channels:' (several), not both");
    }
    if (channels != null && channels.isEmpty()) {
      throw new IllegalArgumentException("channels: the list is empty (leave it out for no stream)");
    }
    List<StreamVerticle.Settings> out = new ArrayList<>();
    if (stream != null) {
      out.add(channel(base, stream, stream.name() == null ? StreamVerticle.Settings.FIRST : stream.name(), "stream",
          true, autostartByDefault));
    }
    for (int i = 0; channels != null && i < channels.size(); i++) {
      Stream c = channels.get(i);
      if (c == null || c.name() == null || c.name().isBlank()) {
        throw new IllegalArgumentException("channels[" + i + "]: needs a 'name'");
      }
      out.add(channel(base, c, c.name().strip(), "channels[" + i + "] (" + c.name().strip() + ")", i == 0,
          autostartByDefault));
    }
    return StreamVerticle.Settings.checked(out, stateCodes());
  }

  /** The election's state codes without reading its files: an embedded one's, its states', or the one state's. */
  private List<String> stateCodes() {
    if (election.embedded() != null && !election.embedded().isBlank()) {
      return io.tallycast.election.Election.embedded(election.embedded().strip()).codes();
    }
    return election.states() == null || election.states().isEmpty() ? List.of(election.stateCode())
        : election.states().stream().map(State::stateCode).toList();
  }

  /**
   * One channel's settings. YOUTUBE_STREAM_KEY is the first channel's only: one key feeds one YouTube stream, so
   * another channel streams to YouTube only with a youtubeKeyFile of its own.
   */
  private StreamVerticle.Settings channel(Path base, Stream stream, String name, String where, boolean first,
                                         boolean autostartByDefault) throws IOException {
    try {
      StreamSettings settings = StreamSettings.parse(stream.size(), stream.fps(), stream.bitrate(),
          Boolean.TRUE.equals(stream.cbr()), stream.segment(), stream.diskFloor(), stream.keepRecordings(),
          stream.keepRecordingsSize());
      List<Destination> destinations = new ArrayList<>();
      if (stream.recording() != null && !stream.recording().isBlank()) {
        destinations.add(settings.recordingAt(dataDirectory(base).resolve(stream.recording().strip())));
      }
      Path keyFile = stream.youtubeKeyFile() == null ? null : base.resolve(stream.youtubeKeyFile().strip());
      if (first || keyFile != null) {
        StreamOptions.youtube(keyFile, StreamOptions.YOUTUBE_INGEST).ifPresent(destinations::add);
      }
      for (String url : stream.rtmp() == null ? List.<String>of() : stream.rtmp()) {
        destinations.add(Destination.ingest(url.strip()));
      }
      if (destinations.isEmpty()) {
        throw new IllegalArgumentException("nowhere to send it: give recording, youtubeKeyFile"
            + (first ? " (or set YOUTUBE_STREAM_KEY)" : "") + " or rtmp");
      }
      return new StreamVerticle.Settings(name, stream.scene(), stream.state(), settings.config(destinations),
          stream.autostart() == null ? autostartByDefault : stream.autostart());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * On a node of a cluster: each channel (in the order of {@link #channels}) with the nodes that may carry it, from its
   * {@code nodes:} (left out: any node).
   */
  public List<ChannelNodes> channelNodes() {
    List<ChannelNodes> out = new ArrayList<>();
    if (stream != null) {
      out.add(new ChannelNodes(stream.name() == null ? StreamVerticle.Settings.FIRST : stream.name(), stream.nodes()));
    }
    for (Stream c : channels == null ? List.<Stream>of() : channels) {
      out.add(new ChannelNodes(c.name().strip(), c.nodes()));
    }
    return out;
  }

  /** The optional {@code audience:} section (see {@link AudienceConfig}): the platforms asked for their viewers. */
  public Optional<AudienceConfig> audienceConfig(Path base) throws IOException {
    return audience == null ? Optional.empty() : Optional.of(AudienceConfig.parse(audience, base));
  }

  /** The optional {@code report:} section (see {@link ReportSettings}); without it PDFs in DATA_DIR/reports. */
  public ReportSettings reportSettings(Path base) throws IOException {
    return ReportSettings.parse(report, base);
  }

  public Path dataDirectory(Path base) {
    return base.resolve(dataDir == null ? "data" : dataDir);
  }

  private static Reader open(Path base, String name) throws IOException {
    if (name == null) {
      throw new IllegalArgumentException("election.parties and election.seats must name CSV files");
    }
    if (name.startsWith("classpath:")) {
      var in = ElectionConfig.class.getResourceAsStream(name.substring("classpath:".length()));
      if (in == null) {
        throw new IllegalArgumentException("no embedded file " + name);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(base.resolve(name), StandardCharsets.UTF_8);
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static Duration seconds(Double value, Duration fallback) {
    return value == null ? fallback : Duration.ofMillis(Math.round(value * 1000));
  }
}
