package io.tallycast.bus;

import java.time.Instant;
import java.util.List;

/**
 * What the node owning a state's scraping committed in one batch, published to every node of the cluster so that each
 * applies the same snapshots to its own store (and derives the same events from them).
 *
 * @param node the owning node's name
 * @param seq  the state's batch number, continued by the next owner: a node sees a gap when one is missing
 * @param at   when the owner published it (the nodes' latency is measured from it)
 */
public record ClusterBatch(String state, String node, long seq, List<Snapshot> snapshots, Instant at) {
}
