package io.tallycast.report.mail;

import io.tallycast.util.Secret;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and how the night's report is mailed, parsed and defaulted once. The election YAML's section:
 *
 * <pre>
 * mail:
 *   host: smtp.example.com
 *   port: 587                      # default: 587 starttls, 465 ssl, 25 none
 *   security: starttls             # starttls (required, never falls back to plain) | ssl (TLS from the first byte)
 *                                  # | none (only to a relay on this machine: localhost, 127.0.0.1, ::1)
 *   username: newsroom-bot         # no username: no login
 *   passwordFile: secrets/smtp     # first line of the file (relative to the YAML's folder); or
 *   passwordEnv: SMTP_PASSWORD     # an environment variable; never on the command line, never logged
 *   from: "Tallycast &lt;results@example.com&gt;"
 *   to: [editor@example.com, desk@example.com]   # or one comma-separated string
 *   updateEveryMinutes: 60         # optional: a short update mail during the night; absent = the report only
 * </pre>
 *
 * @param password    null when there is no login
 * @param updateEvery null: no updates during the night, only the report at the end
 */
public record MailConfig(String host, int port, Security security, String username, Secret password, String from,
                         List<String> to, Duration updateEvery, Retry retry, Timeouts timeouts) {

  /** How the connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which is required: a server without it is refused, not used. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    SSL(465),
    /** No TLS: allowed only to a relay on this machine, where the password never crosses a network. */
    NONE(25);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    static Security parse(String word) {
      if (word == null || word.isBlank()) {
        return STARTTLS;
      }
      return switch (word.strip().toLowerCase(Locale.ROOT)) {
        case "starttls" -> STARTTLS;
        case "ssl", "tls", "ssl/tls", "ssl-tls", "smtps" -> SSL;
        case "none", "plain" -> NONE;
        default -> throw new IllegalArgumentException("mail.security: unknown word '" + word.strip()
            + "' (starttls, ssl or none)");
      };
    }
  }

  /** How often a refused or failed send is tried in all, and the backoff between tries (jittered, doubling). */
  public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
    public Retry {
      if (attempts < 1) {
        throw new IllegalArgumentException("mail: at least one attempt");
      }
    }

    public static Retry defaults() {
      return new Retry(3, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }
  }

  /** Socket deadlines, so a silent server can never hold a worker thread forever. */
  public record Timeouts(Duration connect, Duration read, Duration write) {
    public static Timeouts defaults() {
      return new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
  }

  /** The YAML section as written: every value a string (or null when absent). */
  public record Raw(String host, String port, String security, String username, String passwordFile,
                    String passwordEnv, String from, List<String> to, String updateEveryMinutes) {
  }

  public MailConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("mail.host: missing");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("mail.port: " + port + " is not a port");
    }
    if (security == Security.NONE && !loopback(host)) {
      throw new IllegalArgumentException("mail.security: none is only for a relay on this machine (localhost), not "
          + host + ": use starttls or ssl");
    }
    if (username != null && password == null) {
      throw new IllegalArgumentException("mail: username " + username + " without a password (passwordFile or "
          + "passwordEnv)");
    }
    from = address("mail.from", from);
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("mail.to: at least one recipient");
    }
    to = to.stream().map(a -> address("mail.to", a)).toList();
    if (updateEvery != null && (updateEvery.isZero() || updateEvery.isNegative())) {
      throw new IllegalArgumentException("mail.updateEveryMinutes: must be positive");
    }
    retry = retry == null ? Retry.defaults() : retry;
    timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
  }

  /**
   * The YAML section read into a configuration: defaults filled in, the password read from its file (relative to
   * {@code base}, the YAML's folder) or environment variable; every mistake a message naming its key.
   */
  public static MailConfig parse(Raw raw, Path base) {
    Security security = Security.parse(raw.security());
    int port = raw.port() == null || raw.port().isBlank() ? security.defaultPort()
        : number("mail.port", raw.port());
    String username = raw.username() == null || raw.username().isBlank() ? null : raw.username().strip();
    Secret password = password(raw, base);
    if (password != null && username == null) {
      throw new IllegalArgumentException("mail: a password without a username");
    }
    List<String> to = new ArrayList<>();
    for (String entry : raw.to() == null ? List.<String>of() : raw.to()) {
      for (String one : entry.split(",")) {
        if (!one.isBlank()) {
          to.add(one.strip());
        }
      }
    }
    Duration updateEvery = raw.updateEveryMinutes() == null || raw.updateEveryMinutes().isBlank() ? null
        : Duration.ofMinutes(number("mail.updateEveryMinutes", raw.updateEveryMinutes()));
    String host = raw.host() == null ? null : raw.host().strip();
    return new MailConfig(host, port, security, username, password, raw.from(), to, updateEvery, null, null);
  }

  public MailConfig withRetry(Retry newRetry) {
    return new MailConfig(host, port, security, username, password, from, to, updateEvery, newRetry, timeouts);
  }

  public MailConfig withTimeouts(Timeouts newTimeouts) {
    return new MailConfig(host, port, security, username, password, from, to, updateEvery, retry, newTimeouts);
  }

  public MailConfig withUpdateEvery(Duration every) {
    return new MailConfig(host, port, security, username, password, from, to, every, retry, timeouts);
  }

  private static Secret password(Raw raw, Path base) {
    boolean file = raw.passwordFile() != null && !raw.passwordFile().isBlank();
    boolean env = raw.passwordEnv() != null && !raw.passwordEnv().isBlank();
    if (file && env) {
      throw new IllegalArgumentException("mail: give passwordFile or passwordEnv, not both");
    }
    if (!file && !env) {
      return null;
    }
    Path path = file ? (base == null ? Path.of(raw.passwordFile().strip())
        : base.resolve(raw.passwordFile().strip())) : null;
    try {
      if (path != null && !Files.isRegularFile(path)) {
        throw new NoSuchFileException(path.toString());
      }
      return Secret.from(path, env ? raw.passwordEnv().strip() : null);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("mail.passwordFile: " + path + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("mail.passwordFile: cannot read " + path + " (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file ? "mail.passwordFile: " + path + " is empty"
          : "mail.passwordEnv: the environment variable " + raw.passwordEnv().strip() + " is not set", e);
    }
  }

  private static int number(String key, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + text.strip() + "' is not a whole number", e);
    }
  }

  /** One address, checked as RFC 822 says (a display name is allowed: "Desk <desk@example.com>"). */
  private static String address(String key, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(key + ": missing");
    }
    try {
      InternetAddress parsed = new InternetAddress(text.strip(), true);
      if (parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
        throw new AddressException("no @domain", text);
      }
      return parsed.toUnicodeString();
    } catch (AddressException e) {
      throw new IllegalArgumentException(key + ": '" + text.strip() + "' is not a mail address (" + e.getMessage()
          + ")", e);
    }
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // a name: never looked up here, and not trusted to stay on this machine
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** How many recipients, for messages ("mail to 2 recipients"). */
  public String recipients() {
    return to.size() == 1 ? "1 recipient" : to.size() + " recipients";
  }

  @Override
  public String toString() {
    return "mail via " + host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ", "
        + (username == null ? "no login" : "login " + username) + ") to " + recipients();
  }
}
