package io.tallycast.map;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One read-write lock per map path. The publisher holds the write lock while it swaps the picture and bumps the
 * version, and HTTP readers hold the read lock while they take both, so the ETag they send always names the bytes they
 * send (an immutable picture alone keeps the bytes whole, but not a version and a picture in step).
 */
public final class PathLocks {
  private final ConcurrentHashMap<Path, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

  public ReentrantReadWriteLock of(Path path) {
    return locks.computeIfAbsent(path.toAbsolutePath().normalize(), p -> new ReentrantReadWriteLock());
  }
}
