package io.tallycast.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The CPU used by the stream's processes over a window, by group: this JVM, Xvfb, chromedriver, every Chromium process
 * (browser, renderers, GPU, utility, crash handler) and the test's RTMP peer. The process set is sampled again and
 * again (Chromium starts and ends helpers as it likes; the watchdog may restart it), each process counted from its
 * first sight in the window to its last; one that appeared during the window counts whole, as all its time is in it.
 */
public final class ProcessGroups {
  public static final String JAVA = "java";
  public static final String CHROMIUM = "chromium";
  public static final String XVFB = "Xvfb";
  public static final String CHROMEDRIVER = "chromedriver";
  public static final String PEER = "ffmpeg peer";
  public static final String OTHER = "other children";

  private final long self = ProcessHandle.current().pid();
  private final long peer;
  private final Map<Long, String> named;
  private final Map<Long, String> groups = new HashMap<>();
  private final Map<Long, Long> first = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Set<String> profiles = new HashSet<>();
  private boolean started;

  public ProcessGroups(long peerPid) {
    this(peerPid, Map.of());
  }

  /**
   * As {@link #ProcessGroups(long)}, with processes of our own counted in a group of their own name (a second peer
   * under {@link #PEER}, a plain ffmpeg, busy loops standing for other load) rather than in {@link #OTHER}.
   */
  public ProcessGroups(long peerPid, Map<Long, String> named) {
    this.peer = peerPid;
    this.named = Map.copyOf(named);
  }

  /** Marks the start of the window: whatever runs now is counted from here. */
  public void start() {
    sample();
    started = true;
  }

  /** Finds the processes (new ones too) and reads their ticks; call about once a second, and once at the end. */
  public void sample() {
    Map<Long, String> now = discover();
    now.forEach((pid, group) -> {
      OptionalLong ticks = ProcessCpu.ticks(pid);
      if (ticks.isEmpty()) {
        return;
      }
      groups.putIfAbsent(pid, group);
      first.putIfAbsent(pid, started ? 0 : ticks.getAsLong());
      last.put(pid, ticks.getAsLong());
    });
  }

  /** Ticks per group over the window, and how many processes each had. */
  public Map<String, long[]> ticksByGroup() {
    Map<String, long[]> result = new LinkedHashMap<>();
    for (String g : new String[] {JAVA, CHROMIUM, XVFB, CHROMEDRIVER, OTHER, PEER}) {
      result.put(g, new long[2]);
    }
    named.values().forEach(g -> result.putIfAbsent(g, new long[2]));
    groups.forEach((pid, group) -> {
      long[] t = result.get(group);
      t[0] += last.get(pid) - first.get(pid);
      t[1]++;
    });
    return result;
  }

  private Map<Long, String> discover() {
    Map<Long, String> found = new HashMap<>();
    found.put(self, JAVA);
    if (peer > 0) {
      found.put(peer, PEER);
    }
    found.putAll(named);
    ProcessHandle.current().descendants().forEach(p -> {
      if (p.pid() == peer || named.containsKey(p.pid())) {
        return;
      }
      String cmd = OwnedProcesses.commandLine(p.pid());
      String comm = comm(p.pid());
      String group = comm.equals("Xvfb") ? XVFB : comm.startsWith("chromedriver") ? CHROMEDRIVER
          : cmd.contains("chrom") ? CHROMIUM : OTHER;
      if (group.equals(CHROMIUM)) {
        profileOf(cmd);
      }
      found.put(p.pid(), group);
    });
    // Chromium helpers that left the tree (re-parented to init) still carry their profile folder on their command line
    if (!profiles.isEmpty()) {
      try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path dir : proc) {
          long pid = Long.parseLong(dir.getFileName().toString());
          if (!found.containsKey(pid)) {
            String cmd = OwnedProcesses.commandLine(pid);
            if (profiles.stream().anyMatch(cmd::contains)) {
              found.put(pid, CHROMIUM);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // /proc unreadable: the tree alone is still counted
      }
    }
    return found;
  }

  private void profileOf(String cmd) {
    int at = cmd.indexOf("--user-data-dir=");
    if (at >= 0) {
      int end = cmd.indexOf(' ', at);
      profiles.add(cmd.substring(at, end < 0 ? cmd.length() : end));
    }
  }

  static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
