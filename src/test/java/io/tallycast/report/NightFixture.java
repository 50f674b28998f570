package io.tallycast.report;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.ViewerReading;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.NightRecord;
import io.tallycast.store.StoreVerticle;
import io.tallycast.support.StreamHealthSample;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A data dir made by the real store from the bus, as the engine makes it: real West Bengal 2021 results, stream
 * health reports (the store keeps them with its own clock, so a broadcast here lasts seconds) and viewer readings.
 */
final class NightFixture {
  static final ElectionData WB = ElectionData.westBengal2021();
  /** A name from the results site that looks like markup: the report must show it as text. */
  static final String MARKUP_NAME = "<b>Bold</b> Barman";
  private final Vertx vertx;
  private final Path dir;
  private final Bus bus;

  NightFixture(Vertx vertx, Path dir) throws Exception {
    this.vertx = vertx;
    this.dir = dir;
    this.bus = Bus.of(vertx);
    StoreVerticle.deploy(vertx, dir, WB).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }


  /** The stream starts: returns the broadcast the store opened. */
  NightRecord.Broadcast startBroadcast() {
    int before = broadcasts().size();
    StreamHealthSample.of("running", 0, 0).publish(vertx);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> broadcasts().size() == before + 1);
    return broadcasts().get(before);
  }

  /** The stream stops (after the given moment has passed, so readings up to it are inside the broadcast). */
  NightRecord.Broadcast stopBroadcast(Instant notBefore, long dropped, long reconnects) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(notBefore));
    StreamHealthSample.of("stopped", dropped, reconnects).publish(vertx);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<NightRecord.Broadcast> all = broadcasts();
      return !all.get(all.size() - 1).open();
    });
    List<NightRecord.Broadcast> all = broadcasts();
    return all.get(all.size() - 1);
  }

  /** Readings, once the store has kept them all. */
  void viewers(List<ViewerReading> readings) {
    int before = readingCount();
    readings.forEach(r -> bus.publish(Contract.VIEWERS, r));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> readingCount() == before + readings.size());
  }

  /** A platform's own figures for a video, fetched now, once the store has kept them. */
  void platformTotals(PlatformTotals totals) {
    bus.publish(Contract.PLATFORM_TOTALS, totals);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      try (NightRecord night = NightRecord.open(dir)) {
        return night.platformTotals().contains(totals);
      }
    });
  }

  void apply(ScrapeBatch batch) throws Exception {
    bus.request(Contract.STORE_APPLY, batch, 30_000).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /** Seat 12 (ALIPURDUARS, AITC's in 2016): AITC leads, BJP takes the lead, BJP's candidate MARKUP_NAME wins. */
  void aGainWithAFlip(Instant at) throws Exception {
    apply(batch(snapshot(12, SeatStatus.COUNTING, 3, at, 9_000, 8_000)));
    apply(batch(snapshot(12, SeatStatus.COUNTING, 8, at.plusSeconds(60), 20_000, 24_000)));
    apply(batch(snapshot(12, SeatStatus.DECLARED, 20, at.plusSeconds(120), 70_000, 81_000)));
  }

  /** The real 2021 final results of some seats, each declared. */
  void finals(Instant at, int... seats) throws Exception {
    List<Snapshot> all = new ArrayList<>();
    for (int seat : seats) {
      SeatResult r = WB.finals().get(seat);
      List<SnapshotCandidate> cands = new ArrayList<>();
      for (CandidateResult c : r.candidates()) {
        cands.add(new SnapshotCandidate(c.candidate(), c.party(), c.votes(), 0, c.votes()));
      }
      all.add(new Snapshot(seat, SeatStatus.DECLARED, 20, 20, cands, at, at, "https://results.example/" + seat,
          false));
    }
    apply(new ScrapeBatch("S25", all, List.of()));
  }

  private static Snapshot snapshot(int seat, SeatStatus status, int done, Instant at, long aitc, long bjp) {
    return new Snapshot(seat, status, done, 20, List.of(new SnapshotCandidate("Sourav Chakraborty", "AITC", aitc, 0,
        aitc), new SnapshotCandidate(MARKUP_NAME, "BJP", bjp, 0, bjp)), at, at, "https://results.example/" + seat,
        false);
  }

  private static ScrapeBatch batch(Snapshot s) {
    return new ScrapeBatch("S25", List.of(s), List.of());
  }

  List<NightRecord.Broadcast> broadcasts() {
    try (NightRecord night = NightRecord.open(dir)) {
      return night.broadcasts();
    }
  }

  private int readingCount() {
    try (NightRecord night = NightRecord.open(dir)) {
      return night.viewers(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).size();
    }
  }
}
