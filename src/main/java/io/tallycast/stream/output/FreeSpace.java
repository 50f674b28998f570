package io.tallycast.stream.output;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the recording's disk policy learns how much room is left. The real one asks the file system; tests give
 * their own, because a really full disk cannot be mounted in a test.
 */
@FunctionalInterface
public interface FreeSpace {
  /** What this process may still write on the file system holding {@code dir}, and that file system's size. */
  record Space(long usable, long total) {
  }

  Space of(Path dir) throws IOException;

  /** {@link FileStore#getUsableSpace()}: what is left for us, not for root's reserve. */
  FreeSpace REAL = dir -> {
    FileStore store = Files.getFileStore(dir);
    return new Space(store.getUsableSpace(), store.getTotalSpace());
  };
}
