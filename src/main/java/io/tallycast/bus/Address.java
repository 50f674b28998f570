package io.tallycast.bus;

/**
 * An address that carries one payload type, published to every consumer or sent to one. Declared only in
 * {@link Contract}. Most addresses stay inside one node (one JVM) even when Vert.x runs clustered: each node is a whole
 * engine with its own store, scraper and web side, so its parts must talk to their own store, not a store picked
 * among the cluster's. Only an address marked {@code acrossNodes} reaches the other nodes' consumers.
 */
public record Address<T>(String name, Class<T> payload, boolean acrossNodes) {

  /** An address of this node only. */
  public Address(String name, Class<T> payload) {
    this(name, payload, false);
  }
}
