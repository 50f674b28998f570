package io.tallycast.map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

/**
 * The published map pictures, {@code state} and {@code district/<slug>}, each with a version. Shared by the renderer
 * (the only writer) and the HTTP routes (readers); thread-safe.
 *
 * <p>Publishing swaps the map's current {@link EncodedPng} and bumps its version under the map path's write lock; a
 * reader takes the version and the picture together under the read lock, so the ETag it sends always names the bytes it
 * sends. A picture is immutable once published, so a reader never sees a partial one. A copy of each picture is kept
 * on disk in {@code dataDir/maps/} by {@link MapFiles}, written behind and atomically.
 *
 * <p>ETags are {@code "<version>.<run>"}: versions count from 1 in each run of the engine, so the run (its start time)
 * keeps a browser's cached "version 3" of an earlier run from matching this run's version 3.
 */
public final class PublishedMaps implements AutoCloseable {
  private final Path dir;
  private final PathLocks locks = new PathLocks();
  private final MapFiles files = new MapFiles();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Map<String, Slot> slots = new ConcurrentSkipListMap<>(PublishedMaps::order);

  /** A map as the API lists it; seatsJson is served as loaded. */
  public record Entry(String name, String title, int width, int height, byte[] seatsJson) {
  }

  /** What a reader gets: 200 with the picture, 304 when its ETag is current, 503 before the first (png null). */
  public record Read(int status, String etag, long version, EncodedPng png) {
  }

  /** How writing a map's disk copy went: error null when written. */
  public record FileOutcome(String map, long version, String error) {
  }

  private static final class Slot {
    final Entry entry;
    final Path file;
    long version;
    EncodedPng png;

    Slot(Entry entry, Path file) {
      this.entry = entry;
      this.file = file;
    }
  }

  public PublishedMaps(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public void register(Entry entry) {
    Slot slot = new Slot(entry, file(entry.name()));
    slots.put(entry.name(), slot);
    files.register(entry.name(), slot.file);
  }

  /** Called on the file writer's thread after every attempt to write a disk copy. */
  void onFileWritten(Consumer<FileOutcome> listener) {
    files.listen(o -> listener.accept(new FileOutcome(o.map(), o.version(), o.error())));
  }

  /** The disk copy: dataDir/maps/state.png or dataDir/maps/district/&lt;slug&gt;.png */
  public Path file(String name) {
    return dir.resolve(name + ".png");
  }

  public Optional<Entry> entry(String name) {
    Slot slot = slots.get(name);
    return slot == null ? Optional.empty() : Optional.of(slot.entry);
  }

  public List<String> names() {
    return List.copyOf(slots.keySet());
  }

  public long version(String name) {
    Slot slot = slots.get(name);
    if (slot == null) {
      return 0;
    }
    Lock lock = locks.of(slot.file).readLock();
    lock.lock();
    try {
      return slot.version;
    } finally {
      lock.unlock();
    }
  }

  /** The version of a map whose disk copy is written (lags {@link #version} by the write under way). */
  public long fileVersion(String name) {
    return files.writtenVersion(name);
  }

  /** Makes png the map's current picture for readers and returns its version; the disk copy follows. */
  public long publish(String name, EncodedPng png) {
    Slot slot = slots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("no map named " + name);
    }
    long version;
    Lock lock = locks.of(slot.file).writeLock();
    lock.lock();
    try {
      version = ++slot.version;
      slot.png = png;
    } finally {
      lock.unlock();
    }
    files.offer(name, version, png);
    return version;
  }

  /** The current picture of a map (empty for an unknown name), or a 304 when ifNoneMatch names its version. */
  public Optional<Read> read(String name, String ifNoneMatch) {
    Slot slot = slots.get(name);
    if (slot == null) {
      return Optional.empty();
    }
    long version;
    EncodedPng png;
    Lock lock = locks.of(slot.file).readLock();
    lock.lock();
    try {
      version = slot.version;
      png = slot.png;
    } finally {
      lock.unlock();
    }
    if (version == 0) {
      return Optional.of(new Read(503, null, 0, null));
    }
    String etag = etag(version);
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      return Optional.of(new Read(304, etag, version, null));
    }
    return Optional.of(new Read(200, etag, version, png));
  }

  public String etag(long version) {
    return "\"" + version + "." + run + "\"";
  }

  /** If-None-Match may list several tags, or "*"; a weak tag (W/) compares by its value. */
  private static boolean matches(String header, String etag) {
    for (String tag : header.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.startsWith("W/") && t.substring(2).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** [{"map","name","width","height","version","url","seats"}], the state map first. */
  public JsonArray toJson(String urlPrefix) {
    JsonArray out = new JsonArray();
    for (Slot slot : slots.values()) {
      Entry e = slot.entry;
      out.add(new JsonObject().put("map", e.name()).put("name", e.title()).put("width", e.width())
          .put("height", e.height()).put("version", version(e.name())).put("url", urlPrefix + e.name() + ".png")
          .put("seats", urlPrefix + e.name() + "/seats.json"));
    }
    return out;
  }

  /** Lets the disk copies catch up (briefly), then stops their writer. */
  @Override
  public void close() {
    files.close();
  }

  private static int order(String a, String b) {
    boolean aState = MapDefinition.STATE.equals(a);
    boolean bState = MapDefinition.STATE.equals(b);
    return aState != bState ? (aState ? -1 : 1) : a.compareTo(b);
  }
}
