package io.tallycast.bench;

import io.tallycast.process.ProcessCpu;
import io.tallycast.process.ProcessGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One measured window: the CPU of every process group (see {@link ProcessGroups}) and of this JVM's threads, and
 * how busy the whole machine was, from /proc. Percent values are of one core.
 */
final class CpuWindow {
  private final ProcessGroups processes;
  private final long self = ProcessHandle.current().pid();
  private Map<Long, ProcessCpu.ThreadTicks> threadsBefore;
  private Map<Long, ProcessCpu.ThreadTicks> threadsAfter;
  private long busy0;
  private long busy;
  private long t0;
  private double elapsed;
  private final Map<String, Double> cpu = new LinkedHashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  CpuWindow(long peerPid, Map<Long, String> named) {
    this.processes = new ProcessGroups(peerPid, named);
  }

  /** Marks the start of the window. */
  CpuWindow start() {
    threadsBefore = ProcessCpu.threads(self);
    busy0 = ProcessCpu.machineBusyTicks();
    t0 = System.nanoTime();
    processes.start();
    return this;
  }

  /** Samples the processes once a second until {@code seconds} after the start, then ends the window. */
  CpuWindow run(int seconds) throws InterruptedException {
    long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
      processes.sample();
    }
    return finish();
  }

  private CpuWindow finish() {
    elapsed = (System.nanoTime() - t0) / 1e9;
    busy = ProcessCpu.machineBusyTicks() - busy0;
    threadsAfter = ProcessCpu.threads(self);
    double tick = ProcessCpu.ticksPerSecond();
    processes.ticksByGroup().forEach((group, t) -> {
      cpu.put(group, t[0] / tick / elapsed * 100);
      counts.put(group, t[1]);
    });
    return this;
  }

  double seconds() {
    return elapsed;
  }

  /** Percent of one core by group. */
  Map<String, Double> cpu() {
    return cpu;
  }

  /** Processes counted by group. */
  Map<String, Long> counts() {
    return counts;
  }

  /** The whole machine over the window (every process of every user), in cores. */
  double machineBusy() {
    return busy / (double) ProcessCpu.ticksPerSecond() / elapsed;
  }

  /** The JVM's busiest threads by name (numbers folded: all event loops as one), percent of one core. */
  List<String> topThreads() {
    double tick = ProcessCpu.ticksPerSecond();
    Map<Long, ProcessCpu.ThreadTicks> before = threadsBefore;
    Map<String, Long> byName = new HashMap<>();
    threadsAfter.forEach((tid, t) -> {
      ProcessCpu.ThreadTicks b = before.get(tid);
      long delta = t.ticks() - (b == null ? 0 : b.ticks());
      // threads started by native code (libx264's workers, FFmpeg's) inherit the process name
      String name = t.name().equals("java") ? "native (x264...)" : t.name().replaceAll("[-#]?\\d+$", "");
      byName.merge(name, delta, Long::sum);
    });
    List<String> top = new ArrayList<>();
    byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .forEach(e -> top.add(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
            e.getValue() / tick / elapsed * 100)));
    return top;
  }

  /**
   * What the streaming pipeline costs, in cores: this JVM, the browsers, the X servers, chromedriver and any other
   * child of ours, plus the named extra groups (the plain ffmpeg); the test's peers and busy loops are not in it.
   */
  static double pipelineCores(Map<String, Double> cpu, String... extra) {
    double percent = cpu.get(ProcessGroups.JAVA) + cpu.get(ProcessGroups.CHROMIUM) + cpu.get(ProcessGroups.XVFB)
        + cpu.get(ProcessGroups.CHROMEDRIVER) + cpu.get(ProcessGroups.OTHER);
    for (String group : extra) {
      percent += cpu.get(group);
    }
    return percent / 100;
  }

  /** Percent of one core used by this JVM's threads whose (kernel, 15-character) name starts so. */
  double threadsNamed(String prefix) {
    long ticks = 0;
    for (Map.Entry<Long, ProcessCpu.ThreadTicks> e : threadsAfter.entrySet()) {
      if (e.getValue().name().startsWith(prefix)) {
        ProcessCpu.ThreadTicks b = threadsBefore.get(e.getKey());
        ticks += e.getValue().ticks() - (b == null ? 0 : b.ticks());
      }
    }
    return ticks / (double) ProcessCpu.ticksPerSecond() / elapsed * 100;
  }
}
