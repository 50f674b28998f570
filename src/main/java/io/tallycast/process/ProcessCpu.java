package io.tallycast.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of processes and threads from Linux's /proc, in clock ticks: what a benchmark needs to say how much of a
 * core each part of the stream costs (a process's own time only, never its children's, so nothing is counted twice).
 */
public final class ProcessCpu {
  private static volatile long ticksPerSecond;

  private ProcessCpu() {
  }

  /** One thread's name (as the kernel keeps it: 15 characters at most) and its CPU ticks so far. */
  public record ThreadTicks(String name, long ticks) {
  }

  /** Clock ticks per second (USER_HZ): 100 on every mainstream Linux, asked of getconf once to be sure. */
  public static long ticksPerSecond() {
    if (ticksPerSecond == 0) {
      long value = 100;
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() == 0 && out.matches("\\d+")) {
          value = Long.parseLong(out);
        }
      } catch (IOException e) {
        // no getconf: the Linux default
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticksPerSecond = value;
    }
    return ticksPerSecond;
  }

  /** User + system ticks of a process (all its threads), or empty once it is gone. */
  public static OptionalLong ticks(long pid) {
    try {
      return OptionalLong.of(parseTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The threads of a process by thread id; threads that end between the listing and the read are left out. */
  public static Map<Long, ThreadTicks> threads(long pid) {
    Map<Long, ThreadTicks> threads = new LinkedHashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          threads.put(Long.parseLong(task.getFileName().toString()),
              new ThreadTicks(parseComm(stat), parseTicks(stat)));
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException gone) {
      // the process ended
    }
    return threads;
  }

  /** Ticks the whole machine spent busy (every process of every user, the kernel included), from /proc/stat. */
  public static long machineBusyTicks() {
    try {
      return parseMachineBusy(Files.readString(Path.of("/proc/stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * utime + stime (fields 14 and 15) of a /proc stat line. The name in field 2 is in parentheses and may hold spaces
   * and parentheses itself (Chromium's renderers rename their threads freely), so fields are counted from the last ')'.
   */
  static long parseTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): utime is field 14, stime field 15
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static String parseComm(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** user + nice + system + irq + softirq + steal of the "cpu" line (guest time is already inside user). */
  static long parseMachineBusy(String procStat) {
    String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
    String[] f = line.trim().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      if (i < f.length) {
        busy += Long.parseLong(f[i]);
      }
    }
    return busy;
  }
}
