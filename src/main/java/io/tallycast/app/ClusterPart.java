package io.tallycast.app;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.cluster.OwnershipVerticle;
import io.tallycast.scrape.ScrapeConfig;
import io.vertx.core.Future;

/**
 * The source on a node of a cluster, in the scraper's slot: the ownership part, which scrapes only the states this
 * node owns (a scraper each) and applies the other nodes' results to this node's store.
 */
public final class ClusterPart implements Part {
  static final String NAME = OwnershipVerticle.PART;
  private final String node;
  private final ScrapeConfig scrape;
  private final HazelcastInstance hazelcast;

  public ClusterPart(String node, ScrapeConfig scrape, HazelcastInstance hazelcast) {
    this.node = node;
    this.scrape = scrape;
    this.hazelcast = hazelcast;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return assembly.vertx().deployVerticle(new OwnershipVerticle(node, assembly.election(), scrape, hazelcast));
  }
}
