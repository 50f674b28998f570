package io.tallycast.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the calling thread precedence over the rest of the machine, as a broadcast encoder takes it: a thread that
 * must deliver a frame every 33 ms loses to nothing else running then. Linux schedules threads by their nice value
 * (Java's thread priorities do nothing there), and a thread's nice is inherited by the threads it starts, so libx264's
 * worker threads started from a raised thread are raised too. Lowering the nice value needs root or CAP_SYS_NICE;
 * without it the thread runs as it was and the log says once how to allow it.
 */
public final class ThreadPriority {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPriority.class);
  /** The nice value asked for: well ahead of ordinary work (0) without starving the kernel's own threads. */
  public static final int FRAME_CLOCK_NICE = -10;
  private static final AtomicBoolean REFUSAL_SAID = new AtomicBoolean();
  /** Set (true) to leave every thread at normal priority: to measure what the encoder's ladder does on its own. */
  public static final String NORMAL_PRIORITY = "tallycast.normalPriority";

  private ThreadPriority() {
  }

  /** Sets the calling thread's nice value; true when the system allowed it. */
  public static boolean raiseCurrentThread(int nice) {
    long tid = currentThreadId();
    return tid > 0 && renice(tid, nice);
  }

  /**
   * Sets a child process's nice value (its main thread's, which the threads it starts later inherit): the X server
   * the capture reads every frame from must answer on time as well.
   */
  public static boolean raiseProcess(long pid, int nice) {
    return renice(pid, nice);
  }

  private static boolean renice(long id, int nice) {
    if (Boolean.getBoolean(NORMAL_PRIORITY)) {
      return false;
    }
    long tid = id;
    try {
      // renice takes a thread id on Linux: setpriority(PRIO_PROCESS, tid) touches that thread only
      Process p = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", String.valueOf(tid))
          .redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        if (REFUSAL_SAID.compareAndSet(false, true)) {
          LOG.info("the stream's threads run at normal priority ({}): run as root or grant CAP_SYS_NICE to keep "
              + "frames on time on a busy machine", said.isEmpty() ? "renice refused" : said);
        }
        return false;
      }
      return true;
    } catch (java.io.IOException e) {
      if (REFUSAL_SAID.compareAndSet(false, true)) {
        LOG.info("the stream's threads run at normal priority: renice is not available ({})", e.getMessage());
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The kernel's id of the calling thread (/proc/thread-self links to /proc/PID/task/TID), or -1 off Linux. */
  static long currentThreadId() {
    try {
      Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
      return Long.parseLong(link.getFileName().toString());
    } catch (Exception e) {
      return -1;
    }
  }
}
