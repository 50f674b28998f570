package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.DemoProcess;
import io.tallycast.support.SlowTier;
import io.tallycast.web.WebConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tallycast demo` keeps its console to this machine unless told otherwise, and its banner says which. */
@SlowTier
class DemoHostTest {
  private static final Pattern API = Pattern.compile("results API\\s+http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir
  Path dataDir;
  InetAddress lan;

  @BeforeEach
  void aNetworkAddressOfThisMachine() {
    lan = WebConfig.lanAddress().orElse(null);
    Assumptions.assumeTrue(lan != null, "this machine has no address but loopback: nothing to test binding against");
  }

  @Test
  void by_default_the_demo_answers_on_127_0_0_1_only_and_says_so() throws Exception {
    try (DemoProcess demo = DemoProcess.start(dataDir, "--speed", "1", "--port", "0", "--no-stream")) {
      int port = port(demo);
      assertThat(demo.output()).anySatisfy(line -> assertThat(line).startsWith("  listening ")
          .contains("this machine only (127.0.0.1)"));
      assertThat(health("127.0.0.1", port)).isIn(200, 503);
      assertThatThrownBy(() -> connect(lan, port)).as("the demo on " + lan.getHostAddress())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void with_host_0_0_0_0_it_answers_on_the_network_address_the_banner_gives() throws Exception {
    try (DemoProcess demo = DemoProcess.start(dataDir, "--speed", "1", "--port", "0", "--no-stream",
        "--host", "0.0.0.0")) {
      int port = port(demo);
      assertThat(demo.output()).anySatisfy(line -> assertThat(line).startsWith("  listening ")
          .contains("on all interfaces, e.g. http://" + lan.getHostAddress() + ":" + port + "/"));
      assertThat(health(lan.getHostAddress(), port)).isIn(200, 503);
      assertThat(health("127.0.0.1", port)).isIn(200, 503);
    }
  }

  private static int port(DemoProcess demo) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> demo.output().stream().map(API::matcher)
        .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).findFirst().orElse(null), p -> p != null);
  }

  private static int health(String host, int port) throws Exception {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 3_000);
    }
  }
}
