package io.tallycast.map;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.bus.MapUpdated;
import io.tallycast.bus.SeatChanged;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state and district map PNGs in {@code dataDir/maps/} in step with the results (those of the states in its
 * {@link MapScope}: one state's, or every state's for a national map): loads every map at start,
 * paints every seat from the store's current state (so a restart shows the right picture at once), then repaints only
 * the seats that {@code seat.changed} / {@code seat.declared} events change, and announces each new file on
 * {@link Contract#MAP_UPDATED} ({@link MapUpdated}).
 *
 * <p>Coalescing rule: a change marks its seat pending; the pending seats are painted and published
 * {@value #QUIET_MS} ms after the last change (each new change restarts that wait), but never later than
 * {@value #MAX_WAIT_MS} ms after the first pending one. A scrape cycle's burst of up to 294 seat events thus costs one
 * encode and one publish per affected map. A change whose colour the seat already has (new votes, same leader) costs
 * nothing.
 *
 * <p>Threads: the bookkeeping runs on this verticle's event loop; loading, painting and PNG encoding run on one painter
 * thread (a single-thread worker pool), which alone touches the canvases. Publishing hands the new picture to the HTTP
 * readers in memory; the disk copies in {@code dataDir/maps/} are written behind it by {@link MapFiles}.
 */
public final class MapRenderer extends VerticleBase {
  public static final String PART = "maps";
  static final long QUIET_MS = 30;
  static final long MAX_WAIT_MS = 250;
  private static final long RETRY_MS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(MapRenderer.class);

  private final MapSource source;
  private final MapPlace place;
  private final ResultsReader reader;
  private final MapScope scope;
  private final PublishedMaps published;
  private final Timer publishTimer = Metrics.timer("tallycast.map.publish");
  private WorkerExecutor painter;
  private volatile List<MapCanvas> canvases = List.of();

  // event-loop state
  private final Map<Integer, Integer> wanted = new HashMap<>();
  private final Map<Integer, Integer> pending = new LinkedHashMap<>();
  private final Set<Integer> heardWhileStarting = new HashSet<>();
  private boolean ready;
  private boolean flushing;
  private boolean retry;
  private long timerId = -1;
  private long firstPendingAt;
  private Instant lastSuccess;
  private Instant lastErrorAt;
  private String lastError;
  private long lastPublishMs;
  private long publishes;
  private final Map<String, String> fileErrors = new HashMap<>();

  /** What one painter pass published for one map. */
  private record Published(String map, long version, List<Integer> seats, int bytes, long nanos) {
  }

  private record Pass(List<Published> published, List<String> errors) {
  }

  /** One state's maps, painted from that state's seats and events only. */
  public MapRenderer(MapSource source, MapPlace place, ResultsReader reader, PartyRegistry parties) {
    this(source, place, reader, MapScope.state(place.state(), parties));
  }

  /** Maps painted from the seats and events of the states in scope (every state for a national map). */
  public MapRenderer(MapSource source, MapPlace place, ResultsReader reader, MapScope scope) {
    this.source = source;
    this.place = place;
    this.reader = reader;
    this.scope = scope;
    this.published = new PublishedMaps(place.dir());
  }

  /** The published files and their versions: what the HTTP routes serve. */
  public PublishedMaps maps() {
    return published;
  }

  @Override
  public Future<?> start() {
    painter = vertx.createSharedWorkerExecutor("map-painter", 1);
    published.onFileWritten(outcome -> context.runOnContext(v -> fileWritten(outcome)));
    report(Status.STARTING);
    // listen before reading the store, so that no change committed in between is missed
    Bus bus = Bus.of(vertx);
    bus.subscribeTo(SeatChanged.class, e -> changed(scope.number(e.state(), e.seat()),
        scope.colour(e.state(), e.after().status().json(), e.after().leadingParty())));
    bus.subscribeTo(SeatDeclared.class, e -> changed(scope.number(e.state(), e.seat()),
        scope.colour(e.state(), SeatStatus.DECLARED.json(), e.winner() == null ? null : e.winner().party())));
    return painter.executeBlocking(this::load, true)
        .compose(n -> painter.executeBlocking(this::storedColours, true))
        .compose(this::paintAll)
        .onSuccess(v -> LOG.info("maps: {} map(s) from {} published in {}", canvases.size(), source, published.dir()))
        .onFailure(e -> {
          lastError = "maps: " + e.getMessage();
          lastErrorAt = Instant.now();
          LOG.error("maps cannot start: {}", e.getMessage(), e);
          report(Status.DOWN);
        });
  }

  /** Painter thread: every map's canvas (base over neutral), registered for the HTTP routes. */
  private int load() throws Exception {
    List<MapCanvas> built = new ArrayList<>();
    for (MapDefinition map : source.load()) {
      built.add(MapCanvas.build(map));
      published.register(new PublishedMaps.Entry(map.name(), map.title(), map.width(), map.height(), map.seatsJson()));
    }
    for (MapDefinition.Picture picture : source.pictures()) {
      published.register(new PublishedMaps.Entry(picture.name(), picture.title(), picture.width(), picture.height(),
          "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      published.publish(picture.name(), EncodedPng.whole(picture.png()));
    }
    canvases = built;
    return built.size();
  }

  /** Painter thread: every seat in scope as the store has it, by its number on these maps. */
  private Map<Integer, Integer> storedColours() {
    Map<Integer, Integer> out = new HashMap<>();
    for (String state : scope.states()) {
      for (Object o : reader.constituencies(state)) {
        JsonObject seat = (JsonObject) o;
        JsonObject leader = seat.getJsonObject("leader");
        Integer number = scope.number(state, seat.getInteger("no"));
        if (number != null) {
          out.put(number, scope.colour(state, seat.getString("status"),
              leader == null ? null : leader.getString("party")));
        }
      }
    }
    return out;
  }

  /** The store's state of every seat, unless an event since subscribing already told us newer. */
  private Future<Void> paintAll(Map<Integer, Integer> stored) {
    stored.forEach((seat, colour) -> {
      if (!heardWhileStarting.contains(seat)) {
        wanted.put(seat, colour);
      }
    });
    heardWhileStarting.clear();
    ready = true;
    pending.putAll(wanted);
    Map<Integer, Integer> batch = new HashMap<>(pending);
    pending.clear();
    flushing = true;
    return render(batch).onComplete(ar -> afterFlush());
  }

  private void changed(Integer seat, int colour) {
    if (seat == null) {
      return;
    }
    if (!ready) {
      wanted.put(seat, colour);
      heardWhileStarting.add(seat);
      return;
    }
    if (Objects.equals(wanted.put(seat, colour), colour)) {
      return; // votes moved, colour did not: nothing to repaint
    }
    if (pending.isEmpty()) {
      firstPendingAt = System.nanoTime();
    }
    pending.put(seat, colour);
    schedule();
  }

  /** (Re)arms the flush timer: QUIET_MS after this change, capped at MAX_WAIT_MS after the first pending one. */
  private void schedule() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstPendingAt);
    long delay = Math.max(1, Math.min(QUIET_MS, MAX_WAIT_MS - waited));
    timerId = vertx.setTimer(delay, id -> {
      timerId = -1;
      flush();
    });
  }

  private void flush() {
    if (flushing || !ready || pending.isEmpty() && !retry) {
      return; // a flush in progress re-arms the timer when it completes
    }
    Map<Integer, Integer> batch = new HashMap<>(pending);
    pending.clear();
    retry = false;
    flushing = true;
    render(batch).onComplete(ar -> afterFlush());
  }

  private void afterFlush() {
    flushing = false;
    if (!pending.isEmpty()) {
      schedule();
    }
  }

  /** Paints the batch on the painter thread, then announces what was published and reports health. */
  private Future<Void> render(Map<Integer, Integer> batch) {
    return painter.executeBlocking(() -> paintAndPublish(batch), true).map(pass -> {
      for (Published p : pass.published()) {
        Bus.of(vertx).publish(Contract.MAP_UPDATED, new MapUpdated(place.state(), p.map(), p.version(),
            List.copyOf(p.seats()), place.urlPrefix() + p.map() + ".png"));
        lastPublishMs = TimeUnit.NANOSECONDS.toMillis(p.nanos());
        publishes++;
      }
      if (pass.errors().isEmpty()) {
        lastSuccess = pass.published().isEmpty() ? lastSuccess : Instant.now();
        report(fileErrors.isEmpty() ? Status.OK : Status.DEGRADED);
      } else {
        String error = "maps: " + String.join("; ", pass.errors());
        if (!error.equals(lastError)) { // once per distinct failure, not once per retry
          LOG.warn("map not published (kept the last good file, retrying every {} ms): {}", RETRY_MS, error);
        }
        lastError = error;
        lastErrorAt = Instant.now();
        report(Status.DEGRADED);
        vertx.setTimer(RETRY_MS, id -> {
          retry = true;
          flush();
        });
      }
      return null;
    });
  }

  /** Painter thread. A map that fails to publish keeps its picture and is published again on the next pass. */
  private Pass paintAndPublish(Map<Integer, Integer> batch) {
    List<Published> done = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (MapCanvas canvas : canvases) {
      canvas.repaint(batch);
      if (!canvas.needsPublish) {
        continue;
      }
      long started = System.nanoTime();
      try {
        EncodedPng png = canvas.snapshot();
        long version = published.publish(canvas.name(), png);
        long nanos = System.nanoTime() - started;
        publishTimer.record(nanos, TimeUnit.NANOSECONDS);
        done.add(new Published(canvas.name(), version, canvas.takeRepainted(), png.length(), nanos));
      } catch (Exception e) {
        errors.add(canvas.name() + ": " + e);
      }
    }
    return new Pass(done, errors);
  }

  /**
   * The disk copies are a convenience for outside readers: a failed write degrades health, it never stops publishing.
   */
  private void fileWritten(PublishedMaps.FileOutcome outcome) {
    if (outcome.error() == null) {
      if (fileErrors.remove(outcome.map()) != null) {
        LOG.info("map file for {} written again (version {})", outcome.map(), outcome.version());
        if (fileErrors.isEmpty()) {
          report(Status.OK);
        }
      }
      return;
    }
    if (fileErrors.put(outcome.map(), outcome.error()) == null) {
      LOG.warn("map file not written (the map is still served over HTTP; retrying every {} ms): {}",
          MapFiles.RETRY_MS, outcome.error());
    }
    lastError = "maps: file " + outcome.error();
    lastErrorAt = Instant.now();
    report(Status.DEGRADED);
  }

  private void report(Status status) {
    JsonObject details = new JsonObject().put("maps", canvases.size()).put("lastPublishMs", lastPublishMs)
        .put("version", published.version(MapDefinition.STATE)).put("publishes", publishes)
        .put("source", String.valueOf(source));
    new HealthReport(place.part(), status, lastSuccess, lastError, lastErrorAt, details).publish(vertx);
  }

  @Override
  public Future<?> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    // after any pass in flight (same ordered painter), free the deflaters
    return painter.executeBlocking(() -> {
      canvases.forEach(MapCanvas::close);
      published.close();
      return null;
    }, true).eventually(() -> painter.close()).onComplete(ar -> report(Status.STOPPED));
  }
}
