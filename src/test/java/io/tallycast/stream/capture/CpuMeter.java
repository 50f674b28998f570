package io.tallycast.stream.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU seconds of processes from /proc/PID/stat (utime + stime), to print what capture costs. */
final class CpuMeter {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  private CpuMeter() {
  }

  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // fields 14 and 15
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU seconds per group: java (this JVM), Xvfb, chromium (the browser and all its children). */
  static Map<String, Double> sample(long xvfbPid, long browserPid) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("java", seconds(ProcessHandle.current().pid()));
    m.put("Xvfb", seconds(xvfbPid));
    double chromium = seconds(browserPid);
    List<ProcessHandle> kids = ProcessHandle.of(browserPid).map(p -> p.descendants().toList()).orElse(List.of());
    for (ProcessHandle k : kids) {
      chromium += seconds(k.pid());
    }
    m.put("chromium", chromium);
    return m;
  }
}
