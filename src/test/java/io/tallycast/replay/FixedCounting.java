package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A counting day frozen at given seat views: for rendering pages whose every figure a test chooses. */
record FixedCounting(ElectionData data, CountingDay day, Map<Integer, SeatView> views) implements CountingModel {
  static FixedCounting on(LocalDate date, ElectionData data, Map<Integer, SeatView> views) {
    return new FixedCounting(data, CountingDay.on(date), views);
  }

  @Override
  public List<Integer> seatNumbers() {
    return new ArrayList<>(data.seats().keySet());
  }

  @Override
  public long totalDurationSeconds() {
    return views.values().stream().mapToLong(SeatView::lastChangedSeconds).max().orElse(0);
  }

  @Override
  public SeatView seatAt(int seat, double elapsedSeconds) {
    return views.get(seat);
  }

  @Override
  public long versionAt(int seat, double elapsedSeconds) {
    return 1;
  }
}
