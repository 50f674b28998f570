package io.tallycast.cli;

import io.tallycast.app.ChannelsPart;
import io.tallycast.app.ClusterPart;
import io.tallycast.app.ElectionConfig;
import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.app.StreamPart;
import io.tallycast.cluster.ChannelNodes;
import io.tallycast.cluster.ClusterConfig;
import io.tallycast.cluster.ClusterNode;
import io.tallycast.election.Election;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.web.WebConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One node of a counting day spread over machines: joins the cluster, scrapes the states it owns, serves them all. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Joins the cluster named in the configuration's 'cluster:' section, scrapes the states this node "
        + "owns and serves every state's results.")
public final class NodeCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, description = "election configuration (YAML) with a 'cluster:' "
      + "section (name, host, port, members, startAlone), e.g. examples/cluster-node-1.yaml")
  Path config;

  @Option(names = "--name", description = "this node's name, over the configuration's cluster.name")
  String name;

  @Override
  public Integer call() throws Exception {
    ElectionConfig cfg = ElectionConfig.read(config);
    Path base = config.toAbsolutePath().getParent();
    ClusterConfig cluster = ClusterConfig.of(cfg.cluster(), name);
    Election election = cfg.loadElection(base);
    WebConfig web = cfg.webConfig(null);
    List<StreamVerticle.Settings> channels = cfg.channels(base, true);
    List<ChannelNodes> placeable = cfg.channelNodes();
    ClusterNode<MeteredVertx> node;
    try {
      node = ClusterNode.join(cluster, manager -> MeteredVertx.clustered(manager, cluster.host(), cluster.busPort()),
          MeteredVertx::vertx);
    } catch (ClusterNode.JoinRefused refused) {
      System.err.println("tallycast node " + cluster.name() + ": " + refused.getMessage());
      return 3;
    }
    Engine.Config parts = Engine.Config.of(election, cfg.dataDirectory(base), cfg.scrapeConfig(), web)
        .withMaps(cfg.mapSources(base)).withNationalMap(cfg.nationalMap()).withOverlay(cfg.overlayConfig(base))
        .withScraper(new ClusterPart(cluster, cfg.scrapeConfig(), node.hazelcast(), web))
        .withStream(StreamPart.placed(channels));
    if (!channels.isEmpty()) {
      parts = parts.withChannelPlacement(new ChannelsPart(cluster.name(), placeable, node.hazelcast()));
    }
    Engine engine = Engine.start(node.runtime(), parts).await();
    String api = web.localUrl(engine.apiPort());
    System.out.printf("tallycast node %s in the cluster with %s (cluster traffic on %s:%d)%n  listening    %s%n"
        + "  results API  %s/api/states%n  source       %s%n  channels     %s%n", cluster.name(), node.memberNames(),
        cluster.host(), cluster.port(), web.reach(engine.apiPort()), api, cfg.source().baseUrl(), channels(placeable));
    System.out.print(OperatorTokenLine.of(engine.operatorToken()));
    System.out.flush();
    Shutdown.awaitSignal(engine::close);
    return 0;
  }

  /** Each channel and the nodes that may carry it (one node of them at a time), for the banner. */
  private static String channels(List<ChannelNodes> placeable) {
    if (placeable.isEmpty()) {
      return "none (no 'channels:' or 'stream:' section)";
    }
    return placeable.stream().map(c -> c.channel() + " (" + (c.nodes().isEmpty() ? "any node"
        : String.join(", ", c.nodes())) + ")").collect(Collectors.joining(", "))
        + ": each carried by one node at a time (health part 'cluster channels')";
  }
}
