package io.tallycast.report;

import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ViewerReading;
import io.tallycast.election.Election;
import io.tallycast.store.NightRecord;
import io.tallycast.store.NightRecord.Broadcast;
import io.tallycast.store.NightRecord.Party;
import io.tallycast.store.NightRecord.Seat;
import io.tallycast.store.NightRecord.StreamSample;
import io.tallycast.store.NightRecord.TimedEvent;
import io.tallycast.store.ResultsReader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the report reads from a data dir, read once: the window (a broadcast, or the span of the stored events
 * when there is none), what happened in it, and the results as they stand.
 *
 * @param before each channel's last stream sample before the window (the counters' baseline)
 * @param events every stored event (the tallies are rebuilt from the first), with its commit time
 * @param results each state's summary as the API gives it ({@link ResultsReader#summary})
 */
record NightData(String key, Broadcast broadcast, String election, Instant start, Instant end,
                 List<ViewerReading> viewers, List<StreamSample> before, List<StreamSample> stream,
                 List<TimedEvent> events, List<PlatformTotals> platformTotals, List<Seat> seats, List<Party> parties,
                 List<JsonObject> results) {

  private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** Reads the window of this broadcast (null: the latest); an unknown broadcast is refused before anything. */
  static NightData read(Path dataDir, Long broadcastId) {
    try (NightRecord night = NightRecord.open(dataDir); ResultsReader reader = ResultsReader.open(dataDir)) {
      List<Broadcast> broadcasts = night.broadcasts();
      Broadcast chosen = choose(broadcasts, broadcastId, dataDir);
      List<TimedEvent> events = night.events();
      Instant start;
      Instant end;
      String key;
      if (chosen != null) {
        start = chosen.started();
        end = chosen.ended();
        key = "broadcast-" + chosen.id() + "-" + KEY_TIME.format(start);
      } else {
        // no broadcast: the whole span of the stored events (of the viewer readings, when there is no event either)
        List<Instant> times = events.stream().map(TimedEvent::committed).collect(Collectors.toList());
        night.viewers(Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE / 2)).forEach(v -> times.add(v.at()));
        // nothing stored at all: the results as they stand now, under one key however often it is made
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        start = times.stream().min(Comparator.naturalOrder()).orElse(now);
        end = times.stream().max(Comparator.naturalOrder()).orElse(now);
        key = times.isEmpty() ? "events-none" : "events-" + KEY_TIME.format(start);
      }
      List<JsonObject> results = new ArrayList<>();
      List<Seat> seats = night.seats();
      List<String> states = seats.stream().map(Seat::state).distinct().toList();
      Map<String, String> meta = night.meta();
      for (String state : states) {
        results.add(reader.summary(state).put("name", stateName(meta, state, states.size() == 1)));
      }
      return new NightData(key, chosen, electionName(night.meta()), start, end, night.viewers(start, end),
          night.lastStreamSamplesBefore(start), night.streamSamples(start, end), events,
          ownFigures(night.platformTotals(), broadcasts, start), seats, night.parties(), results);
    }
  }

  private static Broadcast choose(List<Broadcast> broadcasts, Long id, Path dataDir) {
    if (id == null) {
      return broadcasts.isEmpty() ? null : broadcasts.get(broadcasts.size() - 1);
    }
    return broadcasts.stream().filter(b -> b.id() == id).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no broadcast " + id + " in " + dataDir.toAbsolutePath() + (broadcasts.isEmpty() ? " (it has none)"
            : " (its broadcasts: " + broadcasts.stream().map(b -> Long.toString(b.id()))
            .collect(Collectors.joining(", ")) + ")")));
  }

  /**
   * The platforms' own figures that belong to this window: nothing links a video to a broadcast, and they arrive after
   * it, so those fetched from the window's start until the next broadcast starts.
   */
  private static List<PlatformTotals> ownFigures(List<PlatformTotals> all, List<Broadcast> broadcasts,
                                                 Instant start) {
    Instant next = broadcasts.stream().map(Broadcast::started).filter(s -> s.isAfter(start))
        .min(Comparator.naturalOrder()).orElse(Instant.MAX);
    return all.stream().filter(t -> !t.fetchedAt().isBefore(start) && t.fetchedAt().isBefore(next)).toList();
  }

  /**
   * The election's name: the data dir's own when it keeps one ("name" in meta, which the store writes), else
   * the embedded set's when the data dir was made for one, else its first state's name.
   */
  static String electionName(Map<String, String> meta) {
    if (meta.get("name") != null && !meta.get("name").isBlank()) {
      return meta.get("name");
    }
    return embedded(meta).map(Election::name).orElse(meta.getOrDefault("state", "Election"));
  }

  /** A state's name: the embedded set's, else the data dir's one state's, else its code. */
  private static String stateName(Map<String, String> meta, String code, boolean onlyState) {
    return embedded(meta).flatMap(e -> e.state(code)).map(s -> s.state())
        .orElse(onlyState ? meta.getOrDefault("state", code) : code);
  }

  private static Optional<Election> embedded(Map<String, String> meta) {
    String id = meta.get("election");
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Election.embedded(id));
    } catch (RuntimeException e) {
      return Optional.empty(); // a configured election of its own: not one of the embedded sets
    }
  }
}
