package io.tallycast.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary folders and helper processes (Xvfb, chromedriver, Chromium) that belong to this JVM. Closing cleans them
 * up; a JVM that dies hard (kill -9, a native crash) cannot, and on counting day the operator restarts at once: left
 * alone, the old browser and X server would go on rendering on the same two cores. So every such folder carries an
 * {@code owner} file (this JVM's pid and start time) and a list of the processes started for it, and the next run
 * sweeps folders whose owner is gone: it kills their processes (only those whose start time still matches, so a
 * reused pid is never touched) and deletes the folder.
 */
public final class OwnedProcesses {
  private static final Logger LOG = LoggerFactory.getLogger(OwnedProcesses.class);
  static final String OWNER = "tallycast.owner";
  static final String PROCESSES = "tallycast.processes";
  private static final String PREFIX = "tallycast-";

  private OwnedProcesses() {
  }

  /** A new temporary folder named tallycast-{@code purpose}..., marked as this JVM's. */
  public static Path claimFolder(String purpose) throws IOException {
    Path folder = Files.createTempDirectory(PREFIX + purpose);
    Files.writeString(folder.resolve(OWNER), stamp(ProcessHandle.current()) + "\n", StandardCharsets.UTF_8);
    return folder;
  }

  /** Notes a process started for this folder, so a sweep can stop it if we die without closing. */
  public static void note(Path folder, ProcessHandle process) {
    try {
      Files.writeString(folder.resolve(PROCESSES), stamp(process) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.debug("process {} not noted in {}: {}", process.pid(), folder, e.toString());
    }
  }

  /** Deletes a folder and what is in it; a folder that cannot be deleted is swept by a later run. */
  public static void delete(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} not deleted: {}", folder, e.toString());
    }
  }

  /**
   * Removes what runs that ended without closing left in the temporary folder: their processes and their folders.
   * Returns the number of processes stopped.
   */
  public static int sweep() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    int killed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path dir : dirs) {
        Optional<String> owner = read(dir.resolve(OWNER)).stream().findFirst();
        if (owner.isEmpty() || running(owner.get())) {
          continue; // not ours to judge, or its owner still runs
        }
        int n = stopProcesses(dir);
        killed += n;
        delete(dir);
        LOG.warn("removed {} left by tallycast pid {} (it ended without closing): {} process(es) stopped",
            dir.getFileName(), owner.get().split(" ")[0], n);
      }
    } catch (IOException e) {
      LOG.debug("temporary folder not swept: {}", e.toString());
    }
    return killed;
  }

  private static int stopProcesses(Path dir) {
    Set<ProcessHandle> procs = new HashSet<>();
    for (String line : read(dir.resolve(PROCESSES))) {
      // with their children: Chromium's zygote, GPU and utility helpers do not name the profile folder
      handle(line).ifPresent(p -> {
        procs.add(p);
        p.descendants().forEach(procs::add);
      });
    }
    procs.addAll(withProfile(dir));
    stop(procs);
    return procs.size();
  }

  /** The processes whose command line names this folder as their browser profile ({@code --user-data-dir}). */
  public static List<ProcessHandle> withProfile(Path folder) {
    String marker = "--user-data-dir=" + folder;
    return ProcessHandle.allProcesses().filter(p -> commandLine(p.pid()).contains(marker)).toList();
  }

  /** SIGKILLs the processes and waits up to 3 s until none runs (a zombie counts as gone: it uses nothing). */
  public static void stop(Collection<ProcessHandle> procs) {
    procs.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (procs.stream().anyMatch(OwnedProcesses::running) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * True while the process runs. A killed process stays a zombie until its parent reaps it (an orphan's new parent
   * may never do so), and {@link ProcessHandle#isAlive()} counts zombies as alive, so the state letter in /proc
   * decides.
   */
  public static boolean running(ProcessHandle p) {
    try {
      String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String stamp(ProcessHandle p) {
    return p.pid() + " " + p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }

  /** The live process a "pid start" line names, if it is still that process (a reused pid has another start). */
  private static Optional<ProcessHandle> handle(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(parts[0]);
      long start = Long.parseLong(parts[1]);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - start) < 1000).orElse(false));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean running(String ownerLine) {
    return handle(ownerLine).isPresent();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The raw /proc command line. Chromium's children rewrite theirs into one space-separated string, which
   * {@link ProcessHandle.Info#commandLine()} cuts down to the program name.
   */
  public static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
