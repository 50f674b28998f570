package io.tallycast.map;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One read-write lock per published file. The writer holds the write lock across write + rename + version bump, and
 * HTTP readers hold the read lock while they read the version and the bytes, so the ETag they send always names the
 * bytes they send (the atomic rename alone keeps a file whole, but not a version and a file in step).
 */
public final class PathLocks {
  private final ConcurrentHashMap<Path, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

  public ReentrantReadWriteLock of(Path path) {
    return locks.computeIfAbsent(path.toAbsolutePath().normalize(), p -> new ReentrantReadWriteLock());
  }
}
