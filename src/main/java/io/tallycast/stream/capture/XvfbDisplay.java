package io.tallycast.stream.capture;

import io.tallycast.process.OwnSession;
import io.tallycast.process.OwnedProcesses;
import io.tallycast.process.ThreadPriority;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private X server for the kiosk browser. The screen is one pixel larger each way than the picture, because without
 * a window manager the kiosk window comes out one pixel smaller than the screen (STACK.md); we grab exactly w x h from
 * 0,0. The display number is picked free (no lock file, no socket) and another is tried if Xvfb still collides.
 */
public final class XvfbDisplay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(XvfbDisplay.class);
  static final Path XVFB = Path.of("/usr/bin/Xvfb");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(8);

  private final int width;
  private final int height;
  private volatile int display = -1;
  private volatile Process process;
  /** Marks the server as ours, so a run after a hard crash of this one stops it (see {@link OwnedProcesses}). */
  private Path folder;

  public XvfbDisplay(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** True when an Xvfb executable is installed (on PATH or at /usr/bin/Xvfb). */
  public static boolean installed() {
    return executable() != null;
  }

  private static Path executable() {
    if (Files.isExecutable(XVFB)) {
      return XVFB;
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "Xvfb");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Starts Xvfb on a free display (or the same display again after a crash) and waits until it accepts clients. */
  public synchronized void start() throws IOException, InterruptedException {
    Path exe = executable();
    if (exe == null) {
      throw new IOException("Xvfb is not installed: apt-get install -y xvfb");
    }
    if (folder == null) {
      folder = OwnedProcesses.claimFolder("xvfb");
    }
    int first = display > 0 ? display : 90 + ThreadLocalRandom.current().nextInt(400);
    IOException last = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      int n = display > 0 && attempt == 0 ? display : nextFree(first + attempt * 7);
      try {
        launch(exe, n);
        display = n;
        // every grab is answered by the X server: it keeps time with the capture, ahead of other work
        ThreadPriority.raiseProcess(process.pid(), ThreadPriority.FRAME_CLOCK_NICE);
        LOG.info("Xvfb :{} started ({}x{}x24, pid {})", n, width + 1, height + 1, process.pid());
        return;
      } catch (IOException e) {
        last = e;
        LOG.debug("Xvfb :{} did not start: {}", n, e.getMessage());
      }
    }
    throw new IOException("Xvfb could not start on any free display: " + (last == null ? "?" : last.getMessage()));
  }

  private static int nextFree(int from) {
    for (int n = from; n < from + 200; n++) {
      if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(socket(n))) {
        return n;
      }
    }
    return from;
  }

  private static Path socket(int n) {
    return Path.of("/tmp/.X11-unix/X" + n);
  }

  private void launch(Path exe, int n) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(OwnSession.command(List.of(exe.toString(), ":" + n, "-screen", "0",
        (width + 1) + "x" + (height + 1) + "x24", "-nolisten", "tcp", "-noreset")));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    OwnedProcesses.note(folder, p.toHandle());
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("Xvfb :" + n + " exited with " + p.exitValue() + " (display in use?)");
      }
      if (accepts(n)) {
        process = p;
        return;
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new IOException("Xvfb :" + n + " did not accept connections within " + READY_TIMEOUT.toSeconds() + " s");
  }

  /** An X server accepts on its Unix socket once it is ready for clients. */
  private static boolean accepts(int n) {
    Path s = socket(n);
    if (!Files.exists(s)) {
      return false;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      return ch.connect(UnixDomainSocketAddress.of(s));
    } catch (IOException e) {
      return false;
    }
  }

  public boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** ":N", for DISPLAY. */
  public String name() {
    return ":" + display;
  }

  public int number() {
    return display;
  }

  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /** Stops Xvfb: SIGTERM, then SIGKILL if it lingers; removes what a killed server leaves behind. */
  @Override
  public synchronized void close() {
    Process p = process;
    process = null;
    if (p == null) {
      OwnedProcesses.delete(folder);
      folder = null;
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (display > 0) {
      // a SIGKILLed server leaves its lock and socket; the next one on this number would refuse to start
      try {
        Files.deleteIfExists(Path.of("/tmp/.X" + display + "-lock"));
        Files.deleteIfExists(socket(display));
      } catch (IOException ignored) {
        // only a later start on this number would care, and it picks another number then
      }
    }
    OwnedProcesses.delete(folder);
    folder = null;
    LOG.info("Xvfb :{} stopped", display);
  }
}
