package io.tallycast.replay;

import io.tallycast.election.Constituency;
import io.tallycast.election.SeatStatus;
import java.util.List;

/**
 * A seat as the results site shows it: {@code round} of {@code rounds} counting rounds in, the candidates' figures and
 * the site's status words.
 *
 * @param candidates         sorted by total votes, highest first (ties by name, so an unstarted count reveals nothing);
 *                           NOTA among them where the data has it
 * @param lastChangedSeconds simulated elapsed seconds at which these figures appeared (0 before round 1)
 * @param statusText         the status as ECI writes it ("Result in Progress", "Result Declared", or any other words
 *                           a real day recorded); {@value #UNCONTESTED} for a seat whose one candidate was elected
 *                           unopposed, declared from the start with no vote to count
 */
public record SeatView(Constituency seat, int round, int rounds, List<CandidateCount> candidates,
                       long lastChangedSeconds, String statusText) {
  public static final String AWAITING = "Awaiting";
  public static final String IN_PROGRESS = "Result in Progress";
  public static final String DECLARED = "Result Declared";
  /** ECI's word for a seat won without a poll (Surat, 2024). */
  public static final String UNCONTESTED = "Uncontested";

  /** A seat whose one candidate was elected unopposed: declared all day, no round, no vote. */
  public static SeatView uncontested(Constituency seat, CandidateCount only) {
    return new SeatView(seat, 0, 0, List.of(only), 0, UNCONTESTED);
  }

  /** ECI's wording for a count that has done {@code round} of {@code rounds}. */
  public static String statusText(int round, int rounds) {
    return round <= 0 ? AWAITING : round >= rounds ? DECLARED : IN_PROGRESS;
  }

  /** Awaiting until a vote is counted, whatever the words (but for an uncontested seat); otherwise the words. */
  public SeatStatus status() {
    if (uncontested()) {
      return SeatStatus.DECLARED;
    }
    if (!anyVotes()) {
      return SeatStatus.AWAITING;
    }
    SeatStatus said = SeatStatus.fromEci(statusText);
    return said == SeatStatus.AWAITING ? SeatStatus.COUNTING : said;
  }

  /** Elected unopposed: the one candidate won without a vote counted. */
  public boolean uncontested() {
    return UNCONTESTED.equals(statusText);
  }

  public boolean anyVotes() {
    for (CandidateCount c : candidates) {
      if (c.total() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The leading candidate (the winner unopposed of an uncontested seat), or null while no vote is counted. NOTA never
   * leads or trails: it is not a candidate.
   */
  public CandidateCount leader() {
    return anyVotes() || uncontested() ? contender(0) : null;
  }

  /** The runner-up, or null while no vote is counted or in a one-candidate seat. */
  public CandidateCount trailing() {
    return anyVotes() ? contender(1) : null;
  }

  /** The n-th candidate by votes, NOTA skipped, or null. */
  private CandidateCount contender(int n) {
    for (CandidateCount c : candidates) {
      if (!c.isNota() && n-- == 0) {
        return c;
      }
    }
    return null;
  }

  /**
   * Leader's lead over the runner-up (the whole of its votes when alone), or null while no vote is counted and for a
   * winner unopposed (ECI writes "-").
   */
  public Long margin() {
    CandidateCount leader = leader();
    if (leader == null || uncontested()) {
      return null;
    }
    CandidateCount trailing = trailing();
    return leader.total() - (trailing == null ? 0 : trailing.total());
  }

  public long totalEvm() {
    return candidates.stream().mapToLong(CandidateCount::evm).sum();
  }

  public long totalPostal() {
    return candidates.stream().mapToLong(CandidateCount::postal).sum();
  }

  public long totalVotes() {
    return totalEvm() + totalPostal();
  }
}
