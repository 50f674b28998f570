package io.tallycast.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An API key or token, read from a file or the environment, never from a command line; printing it shows stars, so a
 * log line or an error built from it cannot leak it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an empty credential");
    }
    this.value = value.strip();
  }

  /** The first line of a file (mode 0600 advised), or the named environment variable when no file is given. */
  public static Secret from(Path file, String environmentVariable) throws IOException {
    if (file != null) {
      return new Secret(Files.readString(file).lines().findFirst().orElse(""));
    }
    String fromEnvironment = System.getenv(environmentVariable);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      throw new IllegalArgumentException("no credential: give a file or set " + environmentVariable);
    }
    return new Secret(fromEnvironment);
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value, for the one place that puts it in a request. */
  public String reveal() {
    return value;
  }

  /** Text with this secret replaced by stars (error texts can quote a request URL). */
  public String redact(String text) {
    return text == null ? null : text.replace(value, "****");
  }

  @Override
  public String toString() {
    return "****";
  }
}
