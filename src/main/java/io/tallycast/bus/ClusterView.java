package io.tallycast.bus;

import java.time.Instant;
import java.util.List;

/**
 * The cluster as any node of it sees it, for {@code GET /api/cluster} and the console's Cluster panel: who is in it
 * now (Hazelcast's live membership), each node's own line (its API, health and heap, as it last wrote it), the states
 * and channels each carries (the cluster's owners maps) and the take-overs, newest first.
 *
 * @param node      the node answering
 * @param members   the names of the nodes in the cluster now
 * @param nodes     every member, and every node gone from the cluster whose line is still kept or that is still
 *                  named as an owner, by name
 * @param unowned   the election's states no node is named for now (between a node's loss and the take-over)
 * @param takeovers the cluster's take-overs, newest first (the last {@code TakeoverLog.KEPT})
 */
public record ClusterView(String node, Instant at, List<String> members, List<Node> nodes, List<String> unowned,
                          List<Takeover> takeovers) {

  /**
   * One node.
   *
   * @param gone     not a member any more (killed, stopped, cut off): what it carries waits for a take-over
   * @param api      the root of its API, console and overlay, as it wrote it; null before its first line
   * @param status   its overall health (the worst of its parts'), null before its first line
   * @param problems its health parts that are not OK (degraded, down, starting)
   * @param states   the states it scrapes, by the owners map
   * @param channels the channels it carries, by the channel owners map
   * @param heapMb   its heap in use when it last wrote its line
   * @param lastSeen when it last wrote its line (every second while it runs)
   */
  public record Node(String name, boolean gone, String api, HealthReport.Status status, List<Problem> problems,
                     List<String> states, List<String> channels, Double heapMb, Instant lastSeen) {
  }

  /** A health part of a node that is not OK, with its last error. */
  public record Problem(String part, HealthReport.Status status, String error) {
  }

  /**
   * One take-over of a state or a channel.
   *
   * @param kind              "state" or "channel"
   * @param name              the state's code or the channel's name
   * @param from              the node named its owner when it was taken; null when none was (its first owner, or a
   *                          member that had handed it over and let go already)
   * @param to                the node that took it
   * @param at                when the new node had it running
   * @param tookMs            from the new node's first try to running
   * @param sinceMemberLeftMs from the cluster's removal of {@code from} to running, when {@code from} had left the
   *                          cluster (null for a hand-over between members or a first owner)
   */
  public record Takeover(String kind, String name, String from, String to, Instant at, long tookMs,
                         Long sinceMemberLeftMs) {
    public static final String STATE = "state";
    public static final String CHANNEL = "channel";
  }
}
