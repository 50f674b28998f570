package io.tallycast.election;

/**
 * One seat's line of ECI's state-wise list at one moment of a real counting day: leading and trailing candidate (party
 * = our code; empty when the site showed none), margin, rounds done of the total (ECI revised some totals during the
 * day) and the status as ECI wrote it ("Result in Progress", "Result Declared").
 */
public record TimelineRow(int seat, String leader, String leaderParty, String trailer, String trailerParty,
                          long margin, int roundsDone, int roundsTotal, String status) {

  public boolean hasLeader() {
    return !leader.isEmpty();
  }

  public SeatStatus seatStatus() {
    return SeatStatus.fromEci(status);
  }

  /** Same leader: a candidate is (seat, name, party), never the name alone (two candidates can share a name). */
  public boolean sameLeaderAs(TimelineRow other) {
    return leader.equals(other.leader) && leaderParty.equals(other.leaderParty);
  }
}
