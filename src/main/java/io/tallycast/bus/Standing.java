package io.tallycast.bus;

/** A candidate's place in a seat's count: who, for which party, with how many votes. */
public record Standing(String candidate, String party, long votes) {
}
