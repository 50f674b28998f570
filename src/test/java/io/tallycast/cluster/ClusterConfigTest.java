package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.tallycast.app.ElectionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {
  @TempDir
  Path dir;

  @Test
  void aNodesSectionIsReadFromItsConfigurationAndDefaultedOnce() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, """
        election:
          embedded: may2021
        source:
          baseUrl: http://127.0.0.1:8090/AcResultGen2021/
        cluster:
          name: node-2
          port: 5702
          members: [127.0.0.1:5701, "127.0.0.1:5702"]
        """);
    ElectionConfig yaml = ElectionConfig.read(file);

    ClusterConfig config = ClusterConfig.of(yaml.cluster(), null);

    assertThat(config.name()).isEqualTo("node-2");
    assertThat(config.host()).isEqualTo(ClusterConfig.DEFAULT_HOST);
    assertThat(config.port()).isEqualTo(5702);
    assertThat(config.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    assertThat(config.startAlone()).isFalse();
    assertThat(config.joinTimeout()).isEqualTo(ClusterConfig.DEFAULT_JOIN_TIMEOUT);
    assertThat(config.failureDetection()).isEqualTo(Duration.ofSeconds(5));
    assertThat(ClusterConfig.of(yaml.cluster(), "node-9").name()).as("--name over the file").isEqualTo("node-9");
    assertThat(yaml.loadElection(dir).codes()).hasSize(5);
  }

  @Test
  void oneFileServesEveryMachineEachNodeFindingItsOwnLineByItsName() throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, """
        election:
          embedded: may2021
        source:
          baseUrl: http://10.0.0.9:8090/AcResultGen2021/
        cluster:
          nodes:
            - {name: mumbai, host: 10.0.0.1}
            - {name: delhi, host: 10.0.0.2, port: 5801}
            - {name: kolkata, host: 10.0.0.3}
        """);
    ClusterConfig.Yaml yaml = ElectionConfig.read(file).cluster();

    ClusterConfig delhi = ClusterConfig.of(yaml, "delhi");

    assertThat(delhi.host()).isEqualTo("10.0.0.2");
    assertThat(delhi.port()).isEqualTo(5801);
    assertThat(delhi.members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5801", "10.0.0.3:5701");
    assertThat(ClusterConfig.of(yaml, "kolkata").host()).isEqualTo("10.0.0.3");
    assertThatThrownBy(() -> ClusterConfig.of(yaml, "chennai"))
        .hasMessageContaining("cluster.nodes has no node named 'chennai'").hasMessageContaining("mumbai");
    assertThatThrownBy(() -> ClusterConfig.of(new ClusterConfig.Yaml("delhi", "10.0.0.2", null, null, null, null,
        null, null, yaml.nodes()), null)).hasMessageContaining("either 'nodes'");
  }

  @Test
  void theExamplesReadAsTheREADMESaysEveryNodeOfTheNationalFileFindingItsLine() throws Exception {
    ElectionConfig national = ElectionConfig.read(Path.of("examples/national-cluster.yaml"));
    for (String name : List.of("mumbai", "delhi", "kolkata")) {
      ClusterConfig node = ClusterConfig.of(national.cluster(), name);
      assertThat(node.members()).as(name).hasSize(3).contains(node.host() + ":" + node.port());
    }
    assertThat(national.loadElection(dir).states()).hasSize(36);
    assertThat(national.loadElection(dir).majority()).isEqualTo(272);
    ElectionConfig example = ElectionConfig.read(Path.of("examples/cluster-node-1.yaml"));
    assertThat(example.source().baseUrl()).as("the example's source is the replay site of its election")
        .endsWith(example.loadElection(dir).main().replayPrefix());
    ClusterConfig one = ClusterConfig.of(example.cluster(), null);
    assertThat(one.name()).isEqualTo("node-1");
    assertThat(one.startAlone()).isTrue();
  }

  @Test
  void clusterTrafficStaysOnTheConfiguredInterfaceWithMulticastOff() {
    ClusterConfig config = new ClusterConfig("node-1", "127.0.0.1", 5801, 0, List.of("127.0.0.1:5802"), true,
        Duration.ofSeconds(5), Duration.ofSeconds(4));

    Config hz = ClusterNode.hazelcast(config);

    assertThat(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(hz.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5802");
    assertThat(hz.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(hz.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(hz.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(hz.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(hz.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("4");
    assertThat(hz.getMemberAttributeConfig().getAttribute(ClusterNode.NAME_ATTRIBUTE)).isEqualTo("node-1");
  }

  @Test
  void aNodeWithoutANameOrWithAMemberThatIsNoAddressIsRefused() {
    assertThatThrownBy(() -> ClusterConfig.of(new ClusterConfig.Yaml(null, null, null, null, List.of(), null, null,
        null), null)).hasMessageContaining("cluster.name");
    assertThatThrownBy(() -> ClusterConfig.of(new ClusterConfig.Yaml("a", null, null, null, List.of("x y"), null,
        null, null), null)).hasMessageContaining("'x y' is not host or host:port");
    assertThatThrownBy(() -> ClusterConfig.of(null, "a")).hasMessageContaining("'cluster:' section");
  }
}
