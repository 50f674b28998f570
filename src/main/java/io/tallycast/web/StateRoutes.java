package io.tallycast.web;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapPlace;
import io.tallycast.map.MapRoutes;
import io.tallycast.map.PublishedMaps;
import io.tallycast.store.ResultsReader;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The results of each state of the election, and the election as a whole:
 * <ul>
 *   <li>{@code GET /api/states}: the states, each with its name, seats, majority mark and where its results are</li>
 *   <li>{@code GET /api/election}: the election's name and every state's summary, in the election's order</li>
 *   <li>{@code GET /api/states/{code}/summary}, {@code /constituencies}, {@code /constituencies/{no}},
 *       {@code /maps...}: one state's (a state the election does not have is a 404 naming those it has)</li>
 *   <li>{@code GET /api/summary}, {@code /api/constituencies}, {@code /api/constituencies/{no}}, {@code /api/maps...}:
 *       the first state's, as before there were several (documented aliases)</li>
 *   <li>{@code GET /api/national/maps...}: the national map, when the run has one (an empty list otherwise)</li>
 * </ul>
 */
final class StateRoutes {
  private final Election election;
  private final ResultsReader reader;
  private final Map<String, PublishedMaps> maps;
  private final WorkerExecutor readers;
  private final Map<String, VersionedJson> summaries = new HashMap<>();
  private final Map<String, VersionedJson> seatLists = new HashMap<>();
  /** Every state's summary in one answer: asked by every overlay on each tally change, encoded once per version. */
  private final VersionedJson wholeElection;

  /**
   * @param readers the worker threads reads of the store run on (never the event loop)
   */
  StateRoutes(Election election, ResultsReader reader, Map<String, PublishedMaps> maps, WorkerExecutor readers) {
    this.election = election;
    this.reader = reader;
    this.maps = maps;
    this.readers = readers;
    for (ElectionData state : election.states()) {
      String code = state.stateCode();
      summaries.put(code, new VersionedJson(() -> withStateFacts(state, reader.summary(code))));
      seatLists.put(code, new VersionedJson(() -> reader.constituencies(code)));
    }
    this.wholeElection = new VersionedJson(this::wholeElectionJson);
  }

  void mount(Router router) {
    router.get("/api/states").handler(this::states);
    router.get("/api/election").handler(this::wholeElection);
    router.get("/api/states/:state/summary").handler(ctx -> inState(ctx, this::summary));
    router.get("/api/states/:state/constituencies").handler(ctx -> inState(ctx, this::constituencies));
    router.get("/api/states/:state/constituencies/:no").handler(ctx -> inState(ctx, this::constituency));
    String main = election.main().stateCode();
    router.get("/api/summary").handler(ctx -> summary(ctx, main));
    router.get("/api/constituencies").handler(ctx -> constituencies(ctx, main));
    router.get("/api/constituencies/:no").handler(ctx -> constituency(ctx, main));
    for (ElectionData state : election.states()) {
      MapRoutes.mount(router, MapPlace.prefixOf(state.stateCode()), Optional.ofNullable(maps.get(state.stateCode())));
    }
    MapRoutes.mount(router, MapPlace.ALIAS_PREFIX, Optional.ofNullable(maps.get(main)));
    MapRoutes.mount(router, MapPlace.NATIONAL_PREFIX, Optional.ofNullable(maps.get(MapPlace.NATIONAL)));
  }

  /** A state's summary says which state it is and its majority mark, so a panel of several needs nothing else. */
  private static JsonObject withStateFacts(ElectionData state, JsonObject summary) {
    return summary.put("state", state.stateCode()).put("name", state.state()).put("year", state.year())
        .put("pastYear", state.pastYear());
  }

  private interface StateHandler {
    void handle(RoutingContext ctx, String state);
  }

  private void inState(RoutingContext ctx, StateHandler handler) {
    String code = ctx.pathParam("state");
    if (election.state(code).isEmpty()) {
      ApiVerticle.error(ctx, 404, "no state '" + code + "' in " + election.name() + " (states: "
          + String.join(", ", election.codes()) + ")");
      return;
    }
    handler.handle(ctx, code);
  }

  private void states(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    for (ElectionData state : election.states()) {
      String code = state.stateCode();
      out.add(new JsonObject().put("code", code).put("name", state.state()).put("year", state.year())
          .put("seats", state.seats().size()).put("majority", state.majority()).put("pastYear", state.pastYear())
          .put("summary", "/api/states/" + code + "/summary")
          .put("constituencies", "/api/states/" + code + "/constituencies")
          .put("maps", maps.containsKey(code) ? MapPlace.prefixOf(code).replaceAll("/$", "") : null));
    }
    ApiVerticle.send(ctx, 200, new JsonObject().put("election", election.id()).put("name", election.name())
        .put("states", out));
  }

  private void wholeElection(RoutingContext ctx) {
    answer(ctx, () -> wholeElection.at(reader.dataVersion()));
  }

  private JsonObject wholeElectionJson() {
    long version = reader.dataVersion();
    JsonArray states = new JsonArray();
    for (ElectionData state : election.states()) {
      states.add(withStateFacts(state, reader.summary(state.stateCode())));
    }
    return new JsonObject().put("election", election.id()).put("name", election.name()).put("dataVersion", version)
        .put("states", states);
  }

  private void summary(RoutingContext ctx, String state) {
    answer(ctx, () -> summaries.get(state).at(reader.dataVersion()));
  }

  private void constituencies(RoutingContext ctx, String state) {
    answer(ctx, () -> seatLists.get(state).at(reader.dataVersion()));
  }

  private void constituency(RoutingContext ctx, String state) {
    Integer no = ApiVerticle.wholeNumber(ctx, "no", ctx.pathParam("no"));
    if (no != null) {
      readers.executeBlocking(() -> reader.constituency(state, no), false).onSuccess(found -> found
              .ifPresentOrElse(c -> ApiVerticle.send(ctx, 200, c),
                  () -> ApiVerticle.error(ctx, 404, "no constituency numbered " + no + " in " + state)))
          .onFailure(ctx::fail);
    }
  }

  private void answer(RoutingContext ctx, Callable<EncodedJson> encoded) {
    readers.executeBlocking(encoded, false).onSuccess(e -> e.send(ctx)).onFailure(ctx::fail);
  }
}
