package io.tallycast.app;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.cluster.ClusterConfig;
import io.tallycast.cluster.ClusterStatusVerticle;
import io.tallycast.cluster.OwnershipVerticle;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.web.WebConfig;
import io.vertx.core.Future;
import java.util.List;

/**
 * The source on a node of a cluster, in the scraper's slot: the ownership part, which scrapes only the states this
 * node owns (a scraper each) and applies the other nodes' results to this node's store, and the cluster's status
 * board (this node's line, the whole cluster for {@code GET /api/cluster} and the console).
 */
public final class ClusterPart implements Part {
  static final String NAME = OwnershipVerticle.PART;
  private final ClusterConfig cluster;
  private final ScrapeConfig scrape;
  private final HazelcastInstance hazelcast;
  private final WebConfig web;

  /** @param web where this node's API listens, for the address the other nodes' consoles show */
  public ClusterPart(ClusterConfig cluster, ScrapeConfig scrape, HazelcastInstance hazelcast, WebConfig web) {
    this.cluster = cluster;
    this.scrape = scrape;
    this.hazelcast = hazelcast;
    this.web = web;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    String node = cluster.name();
    String api = apiUrl(web, cluster.host(), assembly.web().port());
    return assembly.vertx().deployVerticle(new VerticleGroup(List.of(
        new ClusterStatusVerticle(node, api, assembly.election().codes(), hazelcast),
        new OwnershipVerticle(node, assembly.election(), scrape, hazelcast))));
  }

  /**
   * This node's API as another machine reaches it: on all interfaces, at the address cluster traffic uses (the other
   * nodes reach that one); otherwise where it listens.
   */
  static String apiUrl(WebConfig web, String clusterHost, int port) {
    return web.allInterfaces() ? "http://" + clusterHost + ":" + port : web.localUrl(port);
  }
}
