package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.RootLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTokenTest {
  @TempDir
  Path dataDir;

  @Test
  void the_first_start_creates_a_random_owner_only_token_and_later_starts_reuse_it() throws Exception {
    OperatorToken first;
    try (RootLog log = new RootLog()) {
      first = OperatorToken.loadOrCreate(dataDir);
      assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(first.value()));
    }
    assertThat(first.created()).isTrue();
    assertThat(first.value()).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url without padding
    Path file = dataDir.resolve("operator.token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(first.value());
    try (var files = Files.list(dataDir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }

    OperatorToken again = OperatorToken.loadOrCreate(dataDir);
    assertThat(again.created()).isFalse();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(OperatorToken.loadOrCreate(Files.createDirectory(dataDir.resolve("other"))).value())
        .isNotEqualTo(first.value());
  }

  @Test
  void only_the_exact_token_as_a_bearer_header_matches_and_it_never_shows_in_to_string() {
    OperatorToken token = OperatorToken.loadOrCreate(dataDir);
    String value = token.value();
    assertThat(token.matches("Bearer " + value)).isTrue();
    assertThat(token.matches("bearer  " + value + " ")).isTrue();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches("Bearer")).isFalse();
    assertThat(token.matches(value)).isFalse();
    assertThat(token.matches("Basic " + value)).isFalse();
    assertThat(token.matches("Bearer " + value.substring(1))).isFalse();
    assertThat(token.matches("Bearer " + value + "x")).isFalse();
    assertThat(token.toString()).doesNotContain(value);
  }

  @Test
  void an_empty_token_file_left_by_a_crash_is_replaced_by_a_new_token() throws Exception {
    Files.writeString(dataDir.resolve("operator.token"), "\n");
    OperatorToken token = OperatorToken.loadOrCreate(dataDir);
    assertThat(token.created()).isTrue();
    assertThat(Files.readString(dataDir.resolve("operator.token")).strip()).isEqualTo(token.value());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("operator.token"))))
        .isEqualTo("rw-------");
  }
}
