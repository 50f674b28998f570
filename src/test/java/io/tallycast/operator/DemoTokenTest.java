package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.DemoProcess;
import io.tallycast.support.SlowTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tallycast demo` in its own JVM: the token is printed on the first start only, and the same token is used again. */
@SlowTier
class DemoTokenTest {
  @TempDir
  Path dataDir;

  @Test
  void the_token_is_created_0600_printed_once_on_stdout_never_logged_and_the_same_after_a_restart() throws Exception {
    String token;
    try (DemoProcess first = DemoProcess.start(dataDir, "--speed", "1", "--port", "0", "--no-stream")) {
      awaitStarted(first);
      Path file = dataDir.resolve("operator.token");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      token = Files.readString(file).strip();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      // the printed line is the only one with the token: the log lines (on the same stdout) never show it
      List<String> withToken = first.output().stream().filter(line -> line.contains(token)).toList();
      assertThat(withToken).singleElement().asString().startsWith("  token         " + token + "   (operator token: ");
      assertThat(first.output()).anySatisfy(line -> assertThat(line).contains("operator token created in")
          .contains(file.toString()));
    }
    try (DemoProcess second = DemoProcess.start(dataDir, "--speed", "1", "--port", "0", "--no-stream")) {
      awaitStarted(second);
      assertThat(second.output()).noneMatch(line -> line.contains(token))
          .contains("  token         in " + dataDir.toAbsolutePath().resolve("operator.token") + "   (operator token)");
      assertThat(Files.readString(dataDir.resolve("operator.token")).strip()).isEqualTo(token);
    }
  }

  private static void awaitStarted(DemoProcess demo) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> demo.output().stream().anyMatch(line -> line.startsWith("Ctrl-C stops it")));
  }
}
