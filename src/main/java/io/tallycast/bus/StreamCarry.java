package io.tallycast.bus;

/**
 * On a node of a cluster: the cluster placed a channel on this node ({@code carry}: it starts when its settings say so)
 * or takes it away (stopped, its outputs finished, before the channel's lock is let go); answered with its status.
 *
 * @param channel the channel's name
 * @param carry   true: carried here from now on; false: no longer
 */
public record StreamCarry(String channel, boolean carry) {
}
