package io.tallycast.report.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML section read once: defaults, the password from its file, and a clear message for each mistake. */
class MailConfigTest {
  private static final String PASSWORD = "smtp-password-from-a-file";

  @TempDir
  Path dir;

  private MailConfig.Raw raw(String host, String security, String passwordFile, String from, List<String> to,
                             String every) {
    return new MailConfig.Raw(host, null, security, "newsroom-bot", passwordFile, null, from, to, every);
  }

  @Test
  void a_full_section_is_read_with_the_port_of_its_security_and_the_password_from_a_file_beside_the_yaml()
      throws Exception {
    Files.writeString(dir.resolve("smtp-password"), PASSWORD + "\nsecond line ignored\n");
    MailConfig config = MailConfig.parse(raw("smtp.example.com", null, "smtp-password",
        "Tallycast <results@example.com>", List.of("editor@example.com, desk@example.com", "chief@example.com"),
        "60"), dir);
    assertThat(config.security()).isEqualTo(MailConfig.Security.STARTTLS);
    assertThat(config.port()).isEqualTo(587);
    assertThat(config.password().reveal()).isEqualTo(PASSWORD);
    assertThat(config.to()).containsExactly("editor@example.com", "desk@example.com", "chief@example.com");
    assertThat(config.updateEvery()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.retry()).isEqualTo(MailConfig.Retry.defaults());
    assertThat(config.timeouts()).isEqualTo(MailConfig.Timeouts.defaults());
    assertThat(config.toString()).doesNotContain(PASSWORD).contains("smtp.example.com:587", "3 recipients");
    assertThat(MailConfig.parse(raw("smtp.example.com", "ssl", "smtp-password", "a@example.com",
        List.of("b@example.com"), null), dir).port()).isEqualTo(465);
  }

  @Test
  void each_mistake_is_named_by_its_key() throws Exception {
    Files.writeString(dir.resolve("smtp-password"), PASSWORD);
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", null, "missing-file", "a@example.com",
        List.of("b@example.com"), null), dir)).hasMessage("mail.passwordFile: " + dir.resolve("missing-file")
        + " does not exist");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", null, "smtp-password", "a@example.com",
        List.of("not an address"), null), dir)).hasMessageStartingWith("mail.to: 'not an address' is not a mail "
        + "address");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", "starttls", "smtp-password", "results",
        List.of("b@example.com"), null), dir)).hasMessageStartingWith("mail.from: 'results' is not a mail address");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", "tls-maybe", "smtp-password",
        "a@example.com", List.of("b@example.com"), null), dir))
        .hasMessage("mail.security: unknown word 'tls-maybe' (starttls, ssl or none)");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", "none", "smtp-password", "a@example.com",
        List.of("b@example.com"), null), dir)).hasMessageStartingWith("mail.security: none is only for a relay on "
        + "this machine");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", null, "smtp-password", "a@example.com",
        List.of(), null), dir)).hasMessage("mail.to: at least one recipient");
    assertThatThrownBy(() -> MailConfig.parse(new MailConfig.Raw("smtp.example.com", null, null, "bot", null,
        "TALLYCAST_TEST_UNSET_SMTP_PASSWORD", "a@example.com", List.of("b@example.com"), null), dir))
        .hasMessage("mail.passwordEnv: the environment variable TALLYCAST_TEST_UNSET_SMTP_PASSWORD is not set");
    assertThatThrownBy(() -> MailConfig.parse(raw("smtp.example.com", null, "smtp-password", "a@example.com",
        List.of("b@example.com"), "hourly"), dir))
        .hasMessage("mail.updateEveryMinutes: 'hourly' is not a whole number");
  }

  @Test
  void no_tls_is_allowed_to_a_relay_on_this_machine_and_no_login_needs_no_password() {
    MailConfig local = MailConfig.parse(new MailConfig.Raw("127.0.0.1", "2525", "none", null, null, null,
        "a@example.com", List.of("b@example.com"), null), null);
    assertThat(local.port()).isEqualTo(2525);
    assertThat(local.username()).isNull();
    assertThat(local.password()).isNull();
    assertThat(MailConfig.parse(new MailConfig.Raw("localhost", null, "none", null, null, null, "a@example.com",
        List.of("b@example.com"), null), null).port()).isEqualTo(25);
  }
}
