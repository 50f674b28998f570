package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot join the cluster says why and stops, rather than running on its own unnoticed. */
@SlowTier
class NodeThatCannotJoinTest {
  @TempDir
  Path dir;

  @Test
  void aNodeWhoseClusterPortIsTakenSaysSoAndExitsNonZero() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      NodeProcess node = NodeProcess.configure(dir, "node-1", NodeProcess.freePort(), port, List.of(port), true,
          "http://127.0.0.1:9/");
      try (node) {
        node.start();
        assertThat(node.waitFor(Duration.ofSeconds(60))).as("exit code").isEqualTo(3);
        assertThat(String.join("\n", node.output())).contains("node-1: cannot join: the cluster port 127.0.0.1:"
            + port + " is taken by another process");
      }
    }
  }

  @Test
  void aNodeThatMayNotFoundTheClusterAndReachesNoMemberSaysSo() throws Exception {
    int nobody = NodeProcess.freePort();
    ClusterConfig config = new ClusterConfig("node-2", "127.0.0.1", NodeProcess.freePort(), 0,
        List.of("127.0.0.1:" + nobody), false, Duration.ofSeconds(2), Duration.ofSeconds(5));

    assertThatThrownBy(() -> ClusterNode.join(config, manager -> Vertx.builder().withClusterManager(manager)
        .buildClustered(), v -> v))
        .isInstanceOf(ClusterNode.JoinRefused.class)
        .hasMessageContaining("no member of the cluster answered at [127.0.0.1:" + nobody + "] within 2 s")
        .hasMessageContaining("startAlone");
  }

}
