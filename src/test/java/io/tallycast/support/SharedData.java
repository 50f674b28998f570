package io.tallycast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party reference data in {@code ../shared/data} beside the clone (real ECI pages, results, boundaries).
 * The project commits none of it; tests read it from there. In a clone without it, a test that needs it is skipped
 * with a message saying why ({@code .ci/run} refuses to run without it, so CI never skips).
 */
public final class SharedData {
  /** Where it is looked for: {@code -Dtallycast.shared=DIR}, else {@code ../shared/data} from the project folder. */
  public static final Path ROOT = Path.of(System.getProperty("tallycast.shared", "../shared/data"))
      .toAbsolutePath().normalize();

  private SharedData() {
  }

  public static boolean present() {
    return Files.isDirectory(ROOT);
  }

  /** The file, or the calling test is skipped (not failed) when the shared data is not beside the clone. */
  public static Path file(String relative) {
    Assumptions.assumeTrue(present(), () -> "skipped: the real reference data is not at " + ROOT
        + " (it lives in ../shared/data beside the clone; .ci/run refuses to run without it)");
    Path path = ROOT.resolve(relative).normalize();
    if (!path.startsWith(ROOT) || !Files.exists(path)) {
      // present but without this file: a renamed or missing file is a real failure, not a reason to skip
      throw new IllegalStateException("no " + relative + " in " + ROOT);
    }
    return path;
  }

  /** The file's text (UTF-8), or the test is skipped as in {@link #file}. */
  public static String text(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
