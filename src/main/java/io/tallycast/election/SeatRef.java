package io.tallycast.election;

import java.util.Comparator;

/** A seat of a counting day of several states: ECI's state code and the seat's number in that state. */
public record SeatRef(String state, int no) implements Comparable<SeatRef> {
  private static final Comparator<SeatRef> ORDER = Comparator.comparing(SeatRef::state).thenComparingInt(SeatRef::no);

  @Override
  public int compareTo(SeatRef other) {
    return ORDER.compare(this, other);
  }

  /** As an operator reads it: "S25 144". */
  @Override
  public String toString() {
    return state + " " + no;
  }
}
