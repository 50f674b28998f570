package io.tallycast.cluster;

import java.time.Duration;
import java.util.List;

/**
 * How one node joins the cluster, from the {@code cluster:} section of its configuration ({@code tallycast node}),
 * defaulted and checked once here.
 *
 * @param name             this node's name, unique in the cluster: states are assigned to names, so a node that
 *                         restarts under its name gets its share back
 * @param host             the interface cluster traffic is bound to (Hazelcast and the event bus): never every
 *                         interface, 127.0.0.1 when left out
 * @param port             Hazelcast's port on that interface (no automatic next port: a port taken is an error)
 * @param busPort          the event bus's port (0: any free one, announced to the others through Hazelcast)
 * @param members          the other nodes' host:port (TCP/IP join; multicast is off)
 * @param startAlone       whether this node may found the cluster when no member answers; otherwise it waits for one
 *                         until joinTimeout and exits saying so
 * @param joinTimeout      how long a node waits to join before it gives up
 * @param failureDetection how long a silent member lives on: its states are taken over after it (and the take-over)
 */
public record ClusterConfig(String name, String host, int port, int busPort, List<String> members, boolean startAlone,
                            Duration joinTimeout, Duration failureDetection) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(30);
  /** Heartbeats every second; five missed remove a member, so its states move well within 10 s. */
  public static final Duration DEFAULT_FAILURE_DETECTION = Duration.ofSeconds(5);

  public ClusterConfig {
    if (name == null || name.isBlank() || !name.strip().matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("cluster.name: a node needs a name of letters, digits, '.', '_' or '-' "
          + "(got " + name + ")");
    }
    name = name.strip();
    if (port < 1 || port > 65535 || busPort < 0 || busPort > 65535) {
      throw new IllegalArgumentException("cluster.port and cluster.busPort must be ports (1-65535; busPort 0 = any)");
    }
    members = List.copyOf(members == null ? List.of() : members.stream().map(String::strip).toList());
    for (String member : members) {
      if (!member.matches("[^\\s:]+(:\\d{1,5})?")) {
        throw new IllegalArgumentException("cluster.members: '" + member + "' is not host or host:port");
      }
    }
    if (joinTimeout.isNegative() || joinTimeout.isZero() || failureDetection.toSeconds() < 1) {
      throw new IllegalArgumentException("cluster.joinTimeoutSeconds and failureDetectionSeconds must be positive");
    }
  }

  /**
   * The {@code cluster:} section as written; left-out keys are null. Either one node's own {@code name}, {@code host},
   * {@code port} and the {@code members}, or {@code nodes}: every node of the cluster, so that one file serves all
   * machines and each node finds its own line by its name ({@code --name}).
   */
  public record Yaml(String name, String host, Integer port, Integer busPort, List<String> members, Boolean startAlone,
                     Double joinTimeoutSeconds, Integer failureDetectionSeconds, List<Node> nodes) {
    public Yaml(String name, String host, Integer port, Integer busPort, List<String> members, Boolean startAlone,
                Double joinTimeoutSeconds, Integer failureDetectionSeconds) {
      this(name, host, port, busPort, members, startAlone, joinTimeoutSeconds, failureDetectionSeconds, null);
    }
  }

  /** One line of {@code cluster.nodes}: a node's name and the address its cluster traffic is bound to. */
  public record Node(String name, String host, Integer port) {
  }

  /** The section defaulted; {@code nameOption} (the command line's) over the file's name. */
  public static ClusterConfig of(Yaml yaml, String nameOption) {
    if (yaml == null) {
      throw new IllegalArgumentException("a node needs a 'cluster:' section (name, host, port, members)");
    }
    String name = nameOption != null ? nameOption : yaml.name();
    String host = yaml.host();
    Integer port = yaml.port();
    List<String> members = yaml.members();
    if (yaml.nodes() != null && !yaml.nodes().isEmpty()) {
      if (yaml.host() != null || yaml.port() != null || yaml.members() != null) {
        throw new IllegalArgumentException("cluster: give either 'nodes' (every node, one file for all) or this "
            + "node's 'host', 'port' and 'members', not both");
      }
      Node own = yaml.nodes().stream().filter(n -> n.name() != null && n.name().strip().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("cluster.nodes has no node named '" + name + "' (it has "
              + yaml.nodes().stream().map(Node::name).toList() + "): start it with --name and one of those"));
      host = own.host();
      port = own.port();
      members = yaml.nodes().stream().map(n -> (n.host() == null ? DEFAULT_HOST : n.host().strip()) + ":"
          + (n.port() == null ? DEFAULT_PORT : n.port())).toList();
    }
    return new ClusterConfig(name, host == null || host.isBlank() ? DEFAULT_HOST : host.strip(),
        port == null ? DEFAULT_PORT : port, yaml.busPort() == null ? 0 : yaml.busPort(),
        members, Boolean.TRUE.equals(yaml.startAlone()),
        yaml.joinTimeoutSeconds() == null ? DEFAULT_JOIN_TIMEOUT
            : Duration.ofMillis(Math.round(yaml.joinTimeoutSeconds() * 1000)),
        yaml.failureDetectionSeconds() == null ? DEFAULT_FAILURE_DETECTION
            : Duration.ofSeconds(yaml.failureDetectionSeconds()));
  }
}
