package io.tallycast.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer rule on disk: two writers on one file would each validate against a state the other is changing, so
 * the second one is refused. The OS drops the lock when the process dies, so a kill -9 never leaves it stale.
 */
final class WriterLock implements AutoCloseable {
  private static final String LOCK_FILE = "tallycast.writer.lock";

  private final FileChannel channel;

  private WriterLock(FileChannel channel) {
    this.channel = channel;
  }

  static WriterLock take(Path dataDir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new OverlappingFileLockException();
      }
      return new WriterLock(channel);
    } catch (OverlappingFileLockException e) {
      new WriterLock(channel).close();
      throw new IllegalStateException("another results store is already writing to " + dataDir.toAbsolutePath());
    } catch (IOException e) {
      new WriterLock(channel).close();
      throw new StoreException("cannot use data dir " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the OS releases the lock with the process anyway
    }
  }
}
