package io.tallycast.scrape;

import io.tallycast.election.Constituency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When this run last read each seat's data from the site, so that one seat page that keeps failing shows its own age
 * and leaves the other seats' (and the state's) age alone. A seat is fresh as of a cycle that either confirmed its list
 * row unchanged (a 304 for the list page is such a confirmation) or read its seat page and had it stored (accepted, or
 * held under an operator override). The live JSON alone freshens no seat: it carries only the leader, not the rounds
 * and votes that go to air; a seat it flags is freshened by the page read because of it. In memory only: it is about
 * this run, and a restart reads every seat again in its first cycle.
 * Touched only from the scraper's event loop.
 */
final class SeatFreshness {
  /** Seats named in health at most, oldest first: enough to act on, small enough for every report. */
  static final int LISTED = 10;

  private final Map<Integer, Constituency> seats;
  private final Duration staleAfter;
  private final Instant started = Instant.now();
  private final Map<Integer, Instant> readAt = new HashMap<>();
  private Map<Integer, String> failing = Map.of();
  private Set<Integer> refreshedLast = Set.of();
  private Instant lastTaken;
  private Instant stateReadAt;
  private boolean stateRefreshed;

  SeatFreshness(Map<Integer, Constituency> seats, Duration staleAfter) {
    this.seats = seats;
    this.staleAfter = staleAfter;
  }

  /** Takes a cycle whose batch is stored. */
  void take(Cycle cycle) {
    Set<Integer> refreshed = new HashSet<>();
    for (Map.Entry<Integer, Instant> listed : cycle.listedAt.entrySet()) {
      if (!cycle.pagesAskedFor.contains(listed.getKey()) && mark(listed.getKey(), listed.getValue())) {
        refreshed.add(listed.getKey());
      }
    }
    for (Map.Entry<Integer, Instant> page : cycle.taken.entrySet()) {
      if (mark(page.getKey(), page.getValue())) {
        refreshed.add(page.getKey());
      }
    }
    refreshedLast = refreshed;
    lastTaken = Instant.now();
    failing = new TreeMap<>(cycle.seatErrors);
    // The state as a whole is fresh when its whole list was read and most seats came with it; the seats left behind
    // are named with their own ages. A list read while nearly every seat page fails freshens nothing on air.
    stateRefreshed = cycle.listOk && cycle.listReadAt != null && 2 * refreshed.size() > seats.size();
    if (stateRefreshed) {
      stateReadAt = cycle.listReadAt;
    }
  }

  private boolean mark(int seat, Instant at) {
    if (!seats.containsKey(seat) || at == null) {
      return false;
    }
    readAt.merge(seat, at, (a, b) -> a.isAfter(b) ? a : b);
    return true;
  }

  /** When the whole state's list was last read with most of its seats; null before that ever happened. */
  Instant stateReadAt() {
    return stateReadAt;
  }

  /** Whether the last cycle taken refreshed the state as a whole (see {@link #take}). */
  boolean stateRefreshed() {
    return stateRefreshed;
  }

  Duration staleAfter() {
    return staleAfter;
  }

  /**
   * The seats whose data is older than {@link #staleAfter} (a seat never read: as old as this run), oldest first. A
   * seat the last cycle read is as fresh as the scraper can make it, however long that cycle took on a slow machine;
   * it goes stale only once that cycle is itself long past (a cycle stuck on a silent site, a scraper that fails).
   */
  List<SeatAge> stale(Instant now) {
    boolean lastCycleRecent = lastTaken != null && Duration.between(lastTaken, now).compareTo(staleAfter) <= 0;
    List<SeatAge> out = new ArrayList<>();
    for (Constituency seat : seats.values()) {
      Duration age = age(seat.no(), now);
      if (age.compareTo(staleAfter) > 0 && !(lastCycleRecent && refreshedLast.contains(seat.no()))) {
        out.add(new SeatAge(seat.no(), seat.name(), age, readAt.get(seat.no()) == null, failing.get(seat.no())));
      }
    }
    out.sort(Comparator.comparing(SeatAge::age).reversed().thenComparing(SeatAge::no));
    return out;
  }

  private Duration age(int seat, Instant now) {
    Instant at = readAt.get(seat);
    return Duration.between(at == null ? started : at, now);
  }

  /** The seats whose page or snapshot failed in the last cycle, by number, with the reason. */
  Map<Integer, String> failing() {
    return failing;
  }

  /** "seat page not read for 1 seat: 12 Nandigram (HTTP 500 [...])", or null when none failed. */
  String failingSummary() {
    if (failing.isEmpty()) {
      return null;
    }
    List<String> named = failing.keySet().stream().limit(LISTED).map(this::label).toList();
    String more = failing.size() > LISTED ? " and " + (failing.size() - LISTED) + " more" : "";
    return "seat data not taken for " + failing.size() + (failing.size() == 1 ? " seat: " : " seats: ")
        + String.join(", ", named) + more + " (" + failing.values().iterator().next() + ")";
  }

  /** "12 seats stale (not read for over 60 s), oldest 5 Nandigram at 75 s", or null when none is. */
  String staleSummary(Instant now) {
    List<SeatAge> stale = stale(now);
    if (stale.isEmpty()) {
      return null;
    }
    SeatAge oldest = stale.get(0);
    return stale.size() + (stale.size() == 1 ? " seat" : " seats") + " stale (not read for over "
        + staleAfter.toMillis() / 1000.0 + " s), oldest " + label(oldest.no()) + " at " + seconds(oldest.age()) + " s";
  }

  private String label(int seat) {
    Constituency c = seats.get(seat);
    return seat + (c == null ? "" : " " + c.name());
  }

  /** The per-seat figures of the scraper's health details. */
  void addTo(JsonObject details, Instant now) {
    List<SeatAge> stale = stale(now);
    Duration oldest = Duration.ZERO;
    Duration oldestFresh = Duration.ZERO; // how fresh the rest of the state is
    Set<Integer> staleNos = new HashSet<>();
    stale.forEach(s -> staleNos.add(s.no()));
    for (Constituency seat : seats.values()) {
      Duration age = age(seat.no(), now);
      oldest = age.compareTo(oldest) > 0 ? age : oldest;
      if (age.compareTo(oldestFresh) > 0 && !staleNos.contains(seat.no())) {
        oldestFresh = age;
      }
    }
    JsonArray staleList = new JsonArray();
    stale.stream().limit(LISTED).forEach(s -> staleList.add(new JsonObject().put("no", s.no()).put("name", s.name())
        .put("ageSeconds", seconds(s.age())).put("neverRead", s.neverRead()).put("error", s.error())));
    JsonArray failingList = new JsonArray();
    failing.entrySet().stream().limit(LISTED).forEach(f -> {
      Constituency c = seats.get(f.getKey());
      failingList.add(new JsonObject().put("no", f.getKey()).put("name", c == null ? null : c.name())
          .put("error", f.getValue()));
    });
    details.put("seats", seats.size())
        .put("staleAfterSeconds", seconds(staleAfter))
        .put("oldestSeatAgeSeconds", seats.isEmpty() ? null : seconds(oldest))
        .put("oldestFreshSeatAgeSeconds", stale.size() == seats.size() ? null : seconds(oldestFresh))
        .put("staleSeats", stale.size())
        .put("staleSeatList", staleList)
        .put("failingSeats", failing.size())
        .put("failingSeatList", failingList);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  /** One seat's data age; error is why its page failed in the last cycle, if it did. */
  record SeatAge(int no, String name, Duration age, boolean neverRead, String error) {
  }
}
