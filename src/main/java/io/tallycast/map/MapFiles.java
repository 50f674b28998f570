package io.tallycast.map;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a copy of each published map on disk ({@code dataDir/maps/state.png}, {@code district/<slug>.png}) for whatever
 * reads files: an operator's image viewer, a graphics system pointed at the folder, the post-event report. Written
 * behind the publish, on a thread of its own: an ext4 rename over an existing file forces the new file's blocks out
 * (auto_da_alloc), which costs more than repainting a seat, and HTTP readers never needed the file. Coalesced: while a
 * write is under way, newer pictures of the same map replace each other and only the newest is written.
 *
 * <p>Each write is a temporary file in the same folder and an atomic rename, so an outside reader sees the old file or
 * the new one, never a part. A failed write is reported (once per change of outcome, through the listener) and tried
 * again {@value #RETRY_MS} ms later with the newest picture.
 */
final class MapFiles implements AutoCloseable {
  static final long RETRY_MS = 1000;

  /** How a write went: error null when the file is written. */
  record Outcome(String map, Path file, long version, String error) {
  }

  private record Wanted(long version, EncodedPng png) {
  }

  private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "map-files");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Wanted> wanted = new ConcurrentHashMap<>();
  private final Map<String, Path> files = new ConcurrentHashMap<>();
  private final Map<String, Long> written = new ConcurrentHashMap<>();
  private volatile Consumer<Outcome> listener = o -> { };

  void register(String map, Path file) {
    files.put(map, file);
  }

  void listen(Consumer<Outcome> listener) {
    this.listener = listener;
  }

  /** Asks for this picture to be written; returns at once. */
  void offer(String map, long version, EncodedPng png) {
    if (wanted.put(map, new Wanted(version, png)) == null) {
      later(map, 0);
    }
  }

  /** The version of the map last written to disk (0 before the first). */
  long writtenVersion(String map) {
    return written.getOrDefault(map, 0L);
  }

  private void write(String map) {
    Wanted next = wanted.get(map);
    if (next == null) {
      return;
    }
    Path file = files.get(map);
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        next.png().writeTo(out);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      written.put(map, next.version());
      listener.accept(new Outcome(map, file, next.version(), null));
      // only if no newer picture arrived meanwhile; otherwise write that one next
      if (!wanted.remove(map, next)) {
        later(map, 0);
      }
    } catch (IOException | RuntimeException e) {
      listener.accept(new Outcome(map, file, next.version(), file + ": " + e));
      later(map, RETRY_MS);
    }
  }

  private void later(String map, long delayMs) {
    if (!writer.isShutdown()) { // after close, what is left is dropped: the maps are rebuilt at the next start
      writer.schedule(() -> write(map), delayMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Writes what is queued (a retry that is due within the wait included), then stops the writer thread. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.shutdownNow();
  }
}
