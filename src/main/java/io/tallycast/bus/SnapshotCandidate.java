package io.tallycast.bus;

/** A candidate's figures in one snapshot; party is a resolved party code. */
public record SnapshotCandidate(String name, String party, long evmVotes, long postalVotes, long totalVotes) {
}
