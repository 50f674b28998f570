package io.tallycast.scrape;

import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.Constituency;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatStatus;
import io.tallycast.scrape.page.ParsedCandidate;
import io.tallycast.scrape.page.ParsedListRow;
import io.tallycast.scrape.page.ParsedSeatPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a parsed constituency page is the seat that was asked for, resolves each party label to its party (or
 * keeps an unknown one as written), then turns it into a {@link Snapshot}. What the page alone can prove (rows add up,
 * totals match) the parser has already checked; what needs history (votes never go down) the store checks.
 */
public final class SnapshotBuilder {
  private final PartyRegistry parties;
  private final Map<Integer, Constituency> seats;

  public SnapshotBuilder(PartyRegistry parties, Map<Integer, Constituency> seats) {
    this.parties = parties;
    this.seats = seats;
  }

  /** The election's seats by number. */
  Map<Integer, Constituency> seats() {
    return seats;
  }

  /**
   * The party's code; a label no configured party knows is kept as written (whitespace tidied), so nothing is dropped:
   * the store keeps it as an unmapped party and tells the operator, who maps it in the party table.
   */
  String partyOf(String label) {
    return parties.resolve(label).map(Party::code).orElseGet(() -> label.strip().replaceAll("\\s+", " "));
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
    Map<String, Integer> seen = new HashMap<>();
    for (ParsedCandidate c : page.candidates()) {
      String party = partyOf(c.party());
      int same = seen.merge(c.name() + '\u0000' + party, 1, Integer::sum);
      String name = c.name();
      if (same > 1) {
        // Two independents of one name stand in some seats (two SUKUMAR ROYs in Coochbehar Uttar, 2026); a party
        // fields one candidate per seat, so a party's name twice is a broken page.
        if (!Party.INDEPENDENT.equals(party)) {
          throw new ScrapeException(url, "seat " + seat + ": candidate " + c.name() + " (" + party
              + ") is listed twice");
        }
        name = c.name() + " (" + same + ")"; // told apart by ballot order, which the table page keeps
      }
      candidates.add(new SnapshotCandidate(name, party, c.evmVotes(), c.postalVotes(), c.totalVotes()));
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
    if (!anyVotes && status == SeatStatus.COUNTING) {
      status = SeatStatus.AWAITING; // "Result in Progress" over a seat with no vote counted (a repoll: Falta, 2026)
    }
    return new Snapshot(seat, status, done == null ? 0 : done, total == null ? 0 : total, List.copyOf(candidates),
        sourceTime, fetchedAt, url, false);
  }
}
