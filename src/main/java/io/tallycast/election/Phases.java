package io.tallycast.election;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which polling phase each seat voted in, for a state that votes on several days (West Bengal voted in eight phases in
 * 2021). A fact of an embedded set (the {@code phase} column of its seats.csv), read with it; none elsewhere.
 */
public final class Phases {
  /** No phases: a state that voted on one day, or data that does not say. */
  public static final Phases NONE = new Phases(Map.of());

  private final SortedMap<Integer, Integer> bySeat;

  Phases(Map<Integer, Integer> bySeat) {
    this.bySeat = Collections.unmodifiableSortedMap(new TreeMap<>(bySeat));
  }

  /** The phase (from 1) the seat voted in, where known. */
  public OptionalInt phaseOf(int seat) {
    Integer phase = bySeat.get(seat);
    return phase == null ? OptionalInt.empty() : OptionalInt.of(phase);
  }

  /** Seat number to phase, in seat order. */
  public SortedMap<Integer, Integer> bySeat() {
    return bySeat;
  }

  public boolean isEmpty() {
    return bySeat.isEmpty();
  }
}
