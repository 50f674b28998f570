package io.tallycast.web;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.NationalTally;
import io.tallycast.bus.SeatChanged;
import io.tallycast.bus.TallyChanged;
import io.tallycast.bus.Wire;
import io.tallycast.election.Election;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election added up over its states ({@link NationalView}): {@code GET /api/national}, and
 * {@link Contract#NATIONAL} published whenever it changes, which the live channel pushes as {@code event: national}. A
 * change is a tally change or a seat's status moving (declared, counting); a burst of them (a scrape cycle of every
 * state) is read once, {@value #COALESCE_MS} ms after the first, on the API's reader threads, and published only when
 * the figures differ.
 */
final class NationalRoutes {
  static final long COALESCE_MS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(NationalRoutes.class);

  private final Vertx vertx;
  private final Election election;
  private final ResultsReader reader;
  private final WorkerExecutor readers;
  private final VersionedJson answer;
  // event-loop state
  private NationalTally published;
  private boolean armed;

  NationalRoutes(Vertx vertx, Election election, ResultsReader reader, WorkerExecutor readers) {
    this.vertx = vertx;
    this.election = election;
    this.reader = reader;
    this.readers = readers;
    this.answer = new VersionedJson(() -> Wire.json(current()));
  }

  void mount(Router router) {
    router.get("/api/national").handler(this::national);
  }

  /** Follows the events that move the national figures (call on the API's event loop). */
  void follow() {
    Bus bus = Bus.of(vertx);
    bus.subscribeTo(TallyChanged.class, e -> changed());
    bus.subscribeTo(SeatChanged.class, e -> {
      if (e.before().status() != e.after().status()) {
        changed();
      }
    });
  }

  private void national(RoutingContext ctx) {
    readers.executeBlocking(() -> answer.at(reader.dataVersion()), false).onSuccess(e -> e.send(ctx))
        .onFailure(ctx::fail);
  }

  private void changed() {
    if (armed) {
      return;
    }
    armed = true;
    vertx.setTimer(COALESCE_MS, id -> {
      armed = false;
      // ordered: two reads in a row publish in the order they read
      readers.executeBlocking(this::current, true).onSuccess(this::publishIfNew)
          .onFailure(e -> LOG.warn("national tally not read: {}", e.getMessage()));
    });
  }

  private NationalTally current() {
    return NationalView.of(election, reader.storedSeats());
  }

  private void publishIfNew(NationalTally now) {
    if (!now.equals(published)) {
      published = now;
      Bus.of(vertx).publish(Contract.NATIONAL, now);
    }
  }
}
