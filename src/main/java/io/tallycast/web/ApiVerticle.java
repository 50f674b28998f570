package io.tallycast.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.EventType;
import io.tallycast.bus.StreamChannel;
import io.tallycast.election.Election;
import io.tallycast.map.PublishedMaps;
import io.tallycast.operator.OperatorApi;
import io.tallycast.store.NightRecord;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results API: summary, constituencies, events, the audience, the cluster (on a node of one), the live push
 * channel, health and metrics, and
 * (when given an {@link OperatorApi}) the overlay's settings and the operator's routes. Reads go to the store's read
 * side and the night's record on worker threads (JDBC never runs on the event loop); the API writes results only
 * through the store's single writer, on the bus.
 */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  private static final int MAX_EVENTS = 100_000;
  private static final Set<String> EVENT_TYPES = Arrays.stream(EventType.values()).map(EventType::typeName)
      .collect(Collectors.toCollection(java.util.TreeSet::new));

  private final WebConfig config;
  private final Election election;
  private final ResultsReader reader;
  private final Optional<PrometheusMeterRegistry> prometheus;
  private final Map<String, PublishedMaps> maps;
  private final Optional<OperatorApi> operator;
  private final Optional<NightRecord> night;
  private WorkerExecutor readers;
  private HealthBoard health;
  private HttpServer server;

  /**
   * @param prometheus the engine's metrics for {@code /metrics} (a test of the results API alone may leave them out)
   * @param maps       the map renderers' published files by state code, for the states that have maps
   * @param operator   the overlay settings and operator routes, when the run has an operator's side
   */
  public ApiVerticle(WebConfig config, Election election, ResultsReader reader,
                     Optional<PrometheusMeterRegistry> prometheus, Map<String, PublishedMaps> maps,
                     Optional<OperatorApi> operator) {
    this(config, election, reader, prometheus, maps, operator, Optional.empty());
  }

  /** @param night the night's record, for {@code /api/audience} (without it the API answers as if none was read) */
  public ApiVerticle(WebConfig config, Election election, ResultsReader reader,
                     Optional<PrometheusMeterRegistry> prometheus, Map<String, PublishedMaps> maps,
                     Optional<OperatorApi> operator, Optional<NightRecord> night) {
    this.config = config;
    this.election = election;
    this.reader = reader;
    this.prometheus = prometheus;
    this.maps = maps;
    this.operator = operator;
    this.night = night;
  }

  @Override
  public Future<?> start() {
    readers = vertx.createSharedWorkerExecutor("api-readers", 2);
    health = new HealthBoard(vertx);
    LiveChannel live = new LiveChannel(vertx, after -> read(() -> reader.events(after, MAX_EVENTS, Set.of())));
    Router router = Router.router(vertx);
    Compression.mount(router);
    new StateRoutes(election, reader, maps, readers).mount(router);
    router.get("/api/events").handler(this::events);
    router.get("/api/live").handler(live::connect);
    router.get("/api/health").handler(this::health);
    new AudienceRoutes(night, readers).mount(router);
    new ClusterRoutes(Bus.of(vertx)).mount(router);
    router.get("/api/stream/preview.jpg").handler(ctx -> streamPreview(ctx, StreamChannel.FIRST));
    router.get("/api/streams/:channel/preview.jpg")
        .handler(ctx -> streamPreview(ctx, new StreamChannel(ctx.pathParam("channel"))));
    operator.ifPresent(o -> o.mount(vertx, router, election, reader, readers));
    FrontendRoutes.mount(router);
    prometheus.ifPresent(p -> router.get("/metrics").handler(PrometheusScrapingHandler.create(p)));
    return vertx.createHttpServer(Compression.serverOptions()).requestHandler(router)
        .listen(config.port(), config.host()).onSuccess(s -> {
          server = s;
          LOG.info("API listening on {} port {}", config.host(), s.actualPort());
        });
  }

  /** The port actually bound (the configured one, or a free one when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  private void events(RoutingContext ctx) {
    Integer after = ctx.queryParams().contains("after") ? wholeNumber(ctx, "after", ctx.queryParams().get("after")) : 0;
    Integer limit = ctx.queryParams().contains("limit") ? wholeNumber(ctx, "limit", ctx.queryParams().get("limit"))
        : MAX_EVENTS;
    if (after == null || limit == null) {
      return;
    }
    String state = ctx.queryParams().get("state");
    if (state != null && election.state(state).isEmpty()) {
      error(ctx, 400, "'state' must be one of " + election.codes() + ", not '" + state + "'");
      return;
    }
    String type = ctx.queryParams().get("type");
    Set<String> types = type == null ? Set.of() : Arrays.stream(type.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    Optional<String> unknown = types.stream().filter(t -> !EVENT_TYPES.contains(t)).findFirst();
    if (unknown.isPresent()) {
      error(ctx, 400, "unknown event type '" + unknown.get() + "'; known: " + EVENT_TYPES);
      return;
    }
    // encoded on the worker too: the history grows all day (a seat.changed per seat and round)
    answer(ctx, read(() -> EncodedJson.once(reader.events(after, Math.min(limit, MAX_EVENTS), types, state))));
  }

  private void health(RoutingContext ctx) {
    send(ctx, health.down() ? 503 : 200, health.toJson());
  }

  /**
   * What a channel has on air, small, for the console (the first channel's at /api/stream/preview.jpg); asking is also
   * what makes the stream keep stills (see PreviewTap).
   */
  private void streamPreview(RoutingContext ctx, StreamChannel channel) {
    Bus.of(vertx).request(Contract.STREAM_PREVIEW, channel, 5_000).onSuccess(still -> ctx.response()
            .putHeader("Content-Type", "image/jpeg").putHeader("Cache-Control", "no-store")
            .end(io.vertx.core.buffer.Buffer.buffer(still.jpeg())))
        .onFailure(e -> error(ctx, 404, "no stream preview: " + e.getMessage()));
  }

  private <T> Future<T> read(Callable<T> query) {
    return readers.executeBlocking(query, false);
  }

  private static void answer(RoutingContext ctx, Future<EncodedJson> encoded) {
    encoded.onSuccess(e -> e.send(ctx)).onFailure(ctx::fail);
  }

  static void send(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonArray a ? a.encode()
        : body instanceof JsonObject o ? o.encode() : String.valueOf(body);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(text);
  }

  static void error(RoutingContext ctx, int status, String message) {
    send(ctx, status, new JsonObject().put("error", message));
  }

  /** A non-negative whole number from the request, or a 400 that says which parameter was wrong. */
  static Integer wholeNumber(RoutingContext ctx, String name, String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    error(ctx, 400, "'" + name + "' must be a whole number, not '" + text + "'");
    return null;
  }

  @Override
  public Future<?> stop() {
    return readers.close();
  }
}
