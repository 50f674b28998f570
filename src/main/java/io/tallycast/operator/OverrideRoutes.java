package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.OverrideResult;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SeatOverride;
import io.tallycast.election.Election;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seat overrides: {@code POST} and {@code DELETE /api/operator/states/{code}/seats/{no}/override} (and
 * {@code /api/operator/seats/{no}/override}, the same for the election's first state, as before there were several)
 * and the audit trail {@code GET /api/operator/overrides}. The body is checked here (400 before anything reaches the
 * store); the store's single writer checks the rest against what is stored and writes the override, its events and
 * its audit row in one transaction.
 */
final class OverrideRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OverrideRoutes.class);
  private static final long STORE_TIMEOUT_MS = 30_000;

  private final Bus bus;
  private final Election election;
  private final ResultsReader reader;
  private final WorkerExecutor readers;
  private final SharedActions shared;

  OverrideRoutes(Vertx vertx, Election election, ResultsReader reader, WorkerExecutor readers, SharedActions shared) {
    this.shared = shared;
    this.bus = Bus.of(vertx);
    this.election = election;
    this.reader = reader;
    this.readers = readers;
  }

  void mount(Router router) {
    router.post("/api/operator/states/:state/seats/:no/override").handler(this::override);
    router.delete("/api/operator/states/:state/seats/:no/override").handler(this::release);
    router.post("/api/operator/seats/:no/override").handler(this::override);
    router.delete("/api/operator/seats/:no/override").handler(this::release);
    router.get("/api/operator/overrides").handler(this::auditTrail);
  }

  /** The state of the path,
      the first state's on the alias route; null (after a 404) for a state not in the election. */
  private String state(RoutingContext ctx) {
    String code = ctx.pathParam("state");
    if (code == null) {
      return election.main().stateCode();
    }
    if (election.state(code).isEmpty()) {
      Replies.error(ctx, 404, "no state '" + code + "' in " + election.name() + " (states: "
          + String.join(", ", election.codes()) + ")");
      return null;
    }
    return code;
  }

  private void override(RoutingContext ctx) {
    String state = state(ctx);
    Integer seat = state == null ? null : Replies.seat(ctx);
    if (seat == null) {
      return;
    }
    SeatOverride request;
    try {
      request = OverrideBody.override(state, seat, Replies.body(ctx));
    } catch (IllegalArgumentException e) {
      Replies.refuse(ctx, e);
      return;
    }
    answer(ctx, bus.request(Contract.STORE_OVERRIDE, request, STORE_TIMEOUT_MS)
        .onSuccess(done -> shared.share(request)), "overridden");
  }

  private void release(RoutingContext ctx) {
    String state = state(ctx);
    Integer seat = state == null ? null : Replies.seat(ctx);
    if (seat == null) {
      return;
    }
    OverrideRelease request;
    try {
      request = OverrideBody.release(state, seat, Replies.body(ctx));
    } catch (IllegalArgumentException e) {
      Replies.refuse(ctx, e);
      return;
    }
    answer(ctx, bus.request(Contract.STORE_RELEASE, request, STORE_TIMEOUT_MS)
        .onSuccess(done -> shared.share(request)), "released");
  }

  /** 200 {"override": audit row, "events": [ids]}; the store's refusals keep their status (400, 404, 409). */
  private void answer(RoutingContext ctx, Future<OverrideResult> reply, String done) {
    reply.onSuccess(result -> {
      JsonObject row = result.override();
      LOG.info("operator: seat {} {} ({}) {} (override #{}): {}", row.getString("state"), row.getInteger("seat"),
          row.getString("name"), done, row.getLong("id"),
          oneLine("released".equals(done) ? row.getString("releaseReason") : row.getString("reason")));
      JsonArray ids = new JsonArray();
      result.events().stream().map(ResultEvent::id).forEach(ids::add);
      Replies.json(ctx, 200, new JsonObject().put("override", row).put("events", ids));
    }).onFailure(e -> {
      if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        Replies.error(ctx, r.failureCode() >= 400 && r.failureCode() < 600 ? r.failureCode() : 500, r.getMessage());
      } else {
        Replies.error(ctx, 503, "the results store did not answer: " + e.getMessage());
      }
    });
  }

  private void auditTrail(RoutingContext ctx) {
    readers.executeBlocking(reader::overrides, false).onSuccess(list -> Replies.json(ctx, 200, list))
        .onFailure(ctx::fail);
  }

  /** Operator text in a log line stays on one line. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }
}
