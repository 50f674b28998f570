package io.tallycast.map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;

/**
 * The map PNGs as published in {@code dataDir/maps/} ({@code state.png}, {@code district/<slug>.png}) with a version
 * per map. Shared by the renderer (the only writer) and the HTTP routes (readers); thread-safe. Blocking (file I/O and
 * locks): call it from worker threads only.
 *
 * <p>ETags are {@code "<version>.<run>"}: versions count from 1 in each run of the engine, so the run (its start time)
 * keeps a browser's cached "version 3" of an earlier run from matching this run's version 3.
 */
public final class PublishedMaps {
  private final Path dir;
  private final PathLocks locks = new PathLocks();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Map<String, Slot> slots = new ConcurrentSkipListMap<>(PublishedMaps::order);

  /** A map as the API lists it; seatsJson is served as loaded. */
  public record Entry(String name, String title, int width, int height, byte[] seatsJson) {
  }

  /** What a reader gets: 200 with the bytes, or 304 when its ETag is current (body null). */
  public record Read(int status, String etag, long version, byte[] body) {
  }

  private static final class Slot {
    final Entry entry;
    final Path file;
    volatile long version;

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

  void register(Entry entry) {
    slots.put(entry.name(), new Slot(entry, file(entry.name())));
  }

  /** dataDir/maps/state.png or dataDir/maps/district/&lt;slug&gt;.png */
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
    return slot == null ? 0 : slot.version;
  }

  /**
   * Replaces the map's file atomically (a temporary file in the same folder, then an atomic rename) under the path's
   * write lock and returns the new version. No fsync: the files are rebuilt from the store at every start.
   */
  long publish(String name, byte[] png) throws IOException {
    Slot slot = slots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("no map named " + name);
    }
    Files.createDirectories(slot.file.getParent());
    Path temp = slot.file.resolveSibling(slot.file.getFileName() + ".tmp");
    Lock lock = locks.of(slot.file).writeLock();
    lock.lock();
    try {
      Files.write(temp, png);
      Files.move(temp, slot.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      slot.version++;
      return slot.version;
    } finally {
      lock.unlock();
    }
  }

  /** The current file of a map (empty for an unknown name), or a 304 when ifNoneMatch names the current version. */
  public Optional<Read> read(String name, String ifNoneMatch) throws IOException {
    Slot slot = slots.get(name);
    if (slot == null) {
      return Optional.empty();
    }
    Lock lock = locks.of(slot.file).readLock();
    lock.lock();
    try {
      long version = slot.version;
      if (version == 0) {
        return Optional.of(new Read(503, null, 0, null));
      }
      String etag = etag(version);
      if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
        return Optional.of(new Read(304, etag, version, null));
      }
      return Optional.of(new Read(200, etag, version, Files.readAllBytes(slot.file)));
    } finally {
      lock.unlock();
    }
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
          .put("height", e.height()).put("version", slot.version).put("url", urlPrefix + e.name() + ".png")
          .put("seats", urlPrefix + e.name() + "/seats.json"));
    }
    return out;
  }

  private static int order(String a, String b) {
    boolean aState = MapDefinition.STATE.equals(a);
    boolean bState = MapDefinition.STATE.equals(b);
    return aState != bState ? (aState ? -1 : 1) : a.compareTo(b);
  }
}
