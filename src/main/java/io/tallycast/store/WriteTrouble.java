package io.tallycast.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Tells a results database that cannot write at all (a full disk, an I/O error) from a batch that is wrong, and logs
 * the former once when it starts and once when it ends, not with a stack trace per commit: a full disk lasts many
 * scrape cycles, and a log written on every one of them only makes it worse. Whatever failed was rolled back; the
 * scraper offers the same seats again next cycle, so nothing is lost. Used by the store's single writer thread only.
 */
final class WriteTrouble {
  private static final Logger LOG = LoggerFactory.getLogger(WriteTrouble.class);

  private String current;
  private Instant since;
  private long failures;

  /**
   * What keeps the database from writing ("disk full (…)"), or null when the failure is of another kind (then the
   * caller reports it as it always did).
   */
  static String kind(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s) {
        String code = s.getResultCode().name();
        if (code.startsWith("SQLITE_FULL")) {
          return "disk full (" + s.getMessage() + ")";
        }
        if (code.startsWith("SQLITE_IOERR")) {
          return "I/O error (" + s.getMessage() + ")";
        }
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof IOException && message.contains("no space left")
          || message.contains("database or disk is full")) {
        return "disk full (" + t.getMessage() + ")";
      }
    }
    return null;
  }

  /**
   * A write failed. Returns the operator's line ("results database cannot write: …; retrying") when the database
   * cannot write, logged only when it differs from the last one; null for any other failure.
   */
  String failed(Throwable failure) {
    String kind = kind(failure);
    if (kind == null) {
      return null;
    }
    failures++;
    String line = "results database cannot write: " + kind + "; retrying";
    if (!line.equals(current)) {
      LOG.warn("{} (nothing committed is lost; each scrape cycle offers its seats again)", line);
      since = since == null ? Instant.now() : since;
      current = line;
    }
    return line;
  }

  /** A write committed: says so once after a spell of failures. */
  void succeeded() {
    if (current != null) {
      LOG.info("results database writing again after {} failed write(s) in {} s", failures,
          Duration.between(since, Instant.now()).toSeconds());
      current = null;
      since = null;
      failures = 0;
    }
  }

  /** The line in force while the database cannot write, else null. */
  String current() {
    return current;
  }
}
