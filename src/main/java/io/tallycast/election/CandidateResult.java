package io.tallycast.election;

/** One candidate's final figure in a finished election; party is a resolved party code. */
public record CandidateResult(String candidate, String party, long votes) {
}
