package io.tallycast.bench;

import io.tallycast.process.OwnedProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Other load on the machine: N child processes that spin ({@code sh -c 'while :; do :; done'}), each wanting a whole
 * core. They are noted in an owned folder (a run killed hard has them stopped by the next run's sweep) and stopped on
 * close and on Ctrl-C.
 */
public final class BusyLoops implements AutoCloseable {
  /** Their group in the CPU table: other load, not our pipeline. */
  public static final String GROUP = "busy loops (other load)";

  private final List<Process> loops = new ArrayList<>();
  private final Path folder;
  private final Thread hook;
  private boolean closed;

  private BusyLoops(Path folder) {
    this.folder = folder;
    this.hook = new Thread(this::kill, "bench-busy-loops-stop");
  }

  /** Starts n loops (none for 0). */
  public static BusyLoops start(int n) throws IOException {
    BusyLoops b = new BusyLoops(n > 0 ? OwnedProcesses.claimFolder("bench-load") : null);
    if (n > 0) {
      Runtime.getRuntime().addShutdownHook(b.hook);
    }
    try {
      for (int i = 0; i < n; i++) {
        Process p = new ProcessBuilder("sh", "-c", "while :; do :; done")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        b.loops.add(p);
        OwnedProcesses.note(b.folder, p.toHandle());
      }
    } catch (IOException | RuntimeException e) {
      b.close();
      throw e;
    }
    return b;
  }

  public int count() {
    return loops.size();
  }

  /** Their process ids, each in {@link #GROUP}, for {@link io.tallycast.process.ProcessGroups}. */
  public Map<Long, String> groups() {
    Map<Long, String> named = new HashMap<>();
    loops.forEach(p -> named.put(p.pid(), GROUP));
    return named;
  }

  private void kill() {
    OwnedProcesses.stop(loops.stream().map(Process::toHandle).toList());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    kill();
    if (folder != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // the JVM is already stopping: the hook runs
      }
      OwnedProcesses.delete(folder);
    }
  }
}
