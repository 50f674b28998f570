package io.tallycast.store;

import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a separate JVM by {@link CrashSafetyTest}: applies batches in a loop and prints "committed ID" after each
 * commit, until it is killed. Each batch moves 20 seats one round on, so every batch makes events.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {
  }

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    ElectionData election = ElectionData.westBengal2021();
    Instant t0 = Instant.parse("2021-05-02T03:30:00Z");
    try (ResultsStore store = ResultsStore.open(dataDir, election)) {
      System.out.println("open " + store.lastEventId());
      System.out.flush();
      for (int round = 1; ; round++) {
        List<Snapshot> snapshots = new ArrayList<>();
        for (int seat = 1; seat <= 20; seat++) {
          Instant at = t0.plusSeconds(round * 60L + seat);
          snapshots.add(new Snapshot(seat, SeatStatus.COUNTING, round, 100_000, List.of(
              new SnapshotCandidate("A" + seat, "AITC", round * 100L, 0, round * 100L),
              new SnapshotCandidate("B" + seat, "BJP", round * 99L + (round % 2) * 3, 0,
                  round * 99L + (round % 2) * 3)),
              at, at, "https://results.example/" + seat, false));
        }
        store.apply(new ScrapeBatch("S25", snapshots, List.of()));
        System.out.println("committed " + store.lastEventId());
        System.out.flush();
      }
    }
  }
}
