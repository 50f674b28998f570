package io.tallycast.scrape;

import io.tallycast.election.Constituency;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatStatus;
import io.tallycast.election.UnknownPartyException;
import io.tallycast.scrape.page.ParsedCandidate;
import io.tallycast.scrape.page.ParsedListRow;
import io.tallycast.scrape.page.ParsedSeatPage;
import io.tallycast.store.Snapshot;
import io.tallycast.store.SnapshotCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a parsed constituency page is the seat that was asked for and that every party is known, then turns it
 * into a {@link Snapshot}. What the page alone can prove (rows add up, totals match) the parser has already checked;
 * what needs history (votes never go down) the store checks.
 */
final class SnapshotBuilder {
  private final PartyRegistry parties;
  private final Map<Integer, Constituency> seats;

  SnapshotBuilder(PartyRegistry parties, Map<Integer, Constituency> seats) {
    this.parties = parties;
    this.seats = seats;
  }

  Snapshot build(int seat, String url, ParsedSeatPage page, ParsedListRow row, Instant fetchedAt) {
    Constituency expected = seats.get(seat);
    if (expected == null) {
      throw new ScrapeException(url, "seat " + seat + " is not a seat of this election");
    }
    if (page.seatNo() != null && page.seatNo() != seat) {
      throw new ScrapeException(url, "asked for seat " + seat + " (" + expected.name() + ") but the page shows seat "
          + page.seatNo() + " (" + page.seatName() + "); refused");
    }
    if (page.seatNo() == null && row != null && page.seatName() != null
        && !PartyRegistry.normalize(page.seatName()).equals(PartyRegistry.normalize(row.seatName()))) {
      throw new ScrapeException(url, "asked for seat " + seat + " (" + row.seatName() + ") but the page is for "
          + page.seatName() + "; refused");
    }
    List<SnapshotCandidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ParsedCandidate c : page.candidates()) {
      String party;
      try {
        party = parties.require(c.party()).code();
      } catch (UnknownPartyException e) {
        throw new ScrapeException(url, "seat " + seat + ": candidate " + c.name() + " stands for an " + e.getMessage());
      }
      if (!seen.add(c.name() + '\u0000' + party)) {
        throw new ScrapeException(url, "seat " + seat + ": candidate " + c.name() + " (" + party + ") is listed twice");
      }
      candidates.add(new SnapshotCandidate(c.name(), party, c.evmVotes(), c.postalVotes(), c.totalVotes()));
    }
    if (candidates.stream().noneMatch(c -> !c.party().equals("NOTA"))) {
      throw new ScrapeException(url, "seat " + seat + ": the page lists no candidates");
    }
    Integer done = page.roundsDone() != null ? page.roundsDone() : row == null ? null : row.roundsDone();
    Integer total = page.roundsTotal() != null ? page.roundsTotal() : row == null ? null : row.roundsTotal();
    String statusText = page.status() != null ? page.status() : row == null ? null : row.status();
    boolean anyVotes = candidates.stream().anyMatch(c -> c.totalVotes() > 0);
    SeatStatus status = statusText != null ? SeatStatus.fromEci(statusText)
        : anyVotes ? SeatStatus.COUNTING : SeatStatus.AWAITING;
    if (status == SeatStatus.AWAITING && anyVotes) {
      status = SeatStatus.COUNTING;
    }
    Instant sourceTime = page.sourceTime() != null ? page.sourceTime() : fetchedAt;
    return new Snapshot(seat, status, done == null ? 0 : done, total == null ? 0 : total, List.copyOf(candidates),
        sourceTime, fetchedAt, url, false);
  }
}
