package io.tallycast.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite file of a data dir: the writer (after migrating the schema) and read-only readers. */
final class Database {
  static final String FILE = "tallycast.db";
  private static final int BUSY_TIMEOUT_MS = 5_000;

  private Database() {
  }

  static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  /**
   * The one writing connection. WAL lets readers read while it writes. synchronous=FULL: in WAL mode NORMAL already
   * survives a kill -9 (a commit is in the WAL file once written, whatever happens to the process) and only a power
   * cut or OS crash could lose the last commits; FULL closes that gap too with one fsync per commit, which costs
   * nothing that matters at one commit per scrape cycle. Auto-commit stays on: {@link #transaction} opens each
   * transaction explicitly, so no transaction (and no lock) is held between two writes.
   */
  static Connection openWriter(Path dataDir) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    migrate(config, dataDir);
    return config.createConnection(url(dataDir));
  }

  /** A unit of work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs work in one transaction: all of it commits or none of it does. BEGIN IMMEDIATE takes the write lock at once,
   * so the work never fails half-way for want of it.
   */
  static <T> T transaction(Connection c, Work<T> work) throws SQLException {
    exec(c, Sql.BEGIN);
    try {
      T result = work.run();
      exec(c, Sql.COMMIT);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        exec(c, Sql.ROLLBACK);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A connection that can only read; it never blocks the writer, nor the writer it (WAL). */
  static Connection openReader(Path dataDir) throws SQLException {
    if (!Files.isRegularFile(file(dataDir))) {
      throw new IllegalStateException("no results database at " + file(dataDir)
          + ": the store creates it when it opens");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection(url(dataDir));
  }

  private static void migrate(SQLiteConfig config, Path dataDir) {
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url(dataDir));
    Flyway.configure().dataSource(source).locations("classpath:db/migration").failOnMissingLocations(true)
        .load().migrate();
  }

  private static String url(Path dataDir) {
    return "jdbc:sqlite:" + file(dataDir).toAbsolutePath();
  }
}
