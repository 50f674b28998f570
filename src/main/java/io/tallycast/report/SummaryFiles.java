package io.tallycast.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each report's summary in {@code DATA_DIR/reports/<key>.json}: what later reports compare themselves with. */
final class SummaryFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SummaryFiles.class);
  static final String FOLDER = "reports";

  private SummaryFiles() {
  }

  /** Every summary kept in the data dir but this key's, oldest event first; an unreadable file is skipped (logged). */
  static List<Summary> others(Path dataDir, String key) throws IOException {
    Path folder = dataDir.resolve(FOLDER);
    List<Summary> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
      for (Path file : files) {
        try {
          Summary s = Summary.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
          if (!s.key().equals(key)) {
            out.add(s);
          }
        } catch (RuntimeException e) {
          LOG.warn("report summary {} not read, left out of the comparison: {}", file, e.getMessage());
        }
      }
    }
    out.sort(Comparator.comparing(Summary::start));
    return out;
  }

  /** Writes (or rewrites) this summary's own file, whole or not at all. */
  static Path write(Path dataDir, Summary summary) throws IOException {
    Path folder = Files.createDirectories(dataDir.resolve(FOLDER));
    Path file = folder.resolve(summary.key() + ".json");
    writeWhole(file, summary.toJson().encodePrettily());
    return file;
  }

  /** Writes through a temporary file beside the target and a rename: a reader never sees half a file. */
  static void writeWhole(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
