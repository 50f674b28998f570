package io.tallycast.bench;

import io.tallycast.process.OwnedProcesses;
import io.tallycast.process.ProcessGroups;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline a user would otherwise script, for comparison: Debian's ffmpeg grabbing the same X display (the same
 * kiosk Chromium, the same page) with x11grab and encoding with libx264 veryfast at the same bitrate and GOP, with a
 * silent AAC track, to a fresh local RTMP peer. Measured over a window like ours, after a warm-up.
 */
final class PlainFfmpeg {
  static final Path EXE = Path.of("/usr/bin/ffmpeg");
  static final String GROUP = "ffmpeg (plain pipeline)";
  /** Our capture stays open (its grab and watchdog threads run on) to keep the display: taken out of java. */
  static final String CAPTURE_THREADS = "capture-";

  /** One run's figures: cpu in percent of one core by group, java without our idle capture's threads. */
  record Result(List<String> command, double seconds, Map<String, Double> cpu, Map<String, Long> processes,
                double captureThreads, double machineBusy, FrameTimeline timeline, long received, String problem) {
    double wholeMachineCores() {
      return CpuWindow.pipelineCores(cpu, GROUP);
    }
  }

  private PlainFfmpeg() {
  }

  static boolean installed() {
    return Files.isExecutable(EXE);
  }

  /** The command line, as a user would script it. */
  static List<String> command(String display, int width, int height, int port) {
    return List.of(EXE.toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
        "-f", "x11grab", "-framerate", "30", "-video_size", width + "x" + height, "-draw_mouse", "0",
        "-i", display + ".0+0,0", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
        "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-b:v", "4500k", "-maxrate", "4500k",
        "-bufsize", "9000k", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
        "-f", "flv", "rtmp://127.0.0.1:" + port + "/live/bench2");
  }

  /** Runs it against the display for warm-up + seconds, with the other load's processes named apart. */
  static Result run(PrintStream out, String display, int width, int height, int warmup, int seconds,
                    Map<Long, String> load) throws Exception {
    Path work = OwnedProcesses.claimFolder("bench-plain");
    Process peer = null;
    Process ffmpeg = null;
    Thread hook = null;
    try {
      int port = BundledFfmpeg.freePort();
      Path received = work.resolve("received.flv");
      peer = BundledFfmpeg.listen(port, "live", "bench2", received);
      OwnedProcesses.note(work, peer.toHandle());
      List<String> command = command(display, width, height, port);
      out.printf("   plain pipeline: %s%n", String.join(" ", command));
      Path log = work.resolve("ffmpeg.log");
      ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      OwnedProcesses.note(work, ffmpeg.toHandle());
      Process p1 = peer;
      Process p2 = ffmpeg;
      hook = new Thread(() -> {
        p2.destroyForcibly();
        p1.destroyForcibly();
      }, "bench-plain-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.printf("   warming up %d s...%n", warmup);
      Thread.sleep(warmup * 1000L);
      if (!ffmpeg.isAlive()) {
        return failed(command, "ffmpeg exited with " + ffmpeg.exitValue() + ": " + tail(log));
      }
      Map<Long, String> named = new HashMap<>(load);
      named.put(ffmpeg.pid(), GROUP);
      out.printf("   measuring %d s...%n", seconds);
      CpuWindow window = new CpuWindow(peer.pid(), named).start().run(seconds);
      // q, as a user stopping it would: ffmpeg finishes the FLV and closes the connection
      ffmpeg.destroy();
      if (!ffmpeg.waitFor(10, TimeUnit.SECONDS)) {
        ffmpeg.destroyForcibly();
      }
      List<Double> ts = BundledFfmpeg.receivedTimestamps(peer, received);
      // ffmpeg was stopped as the window ended (zerolatency: no frame waits in the encoder), so the window is the
      // last stretch of its timeline, up to half a frame after its last picture
      double last = ts.isEmpty() ? 0 : ts.get(ts.size() - 1);
      FrameTimeline timeline = FrameTimeline.of(ts, last + 0.5 / 30 - window.seconds(), window.seconds(), 30);
      Map<String, Double> cpu = new HashMap<>(window.cpu());
      double capture = window.threadsNamed(CAPTURE_THREADS);
      cpu.put(ProcessGroups.JAVA, Math.max(0, cpu.get(ProcessGroups.JAVA) - capture));
      return new Result(command, window.seconds(), cpu, window.counts(), capture, window.machineBusy(), timeline,
          ts.size(), null);
    } finally {
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
          // the JVM is already stopping: the hook runs
        }
      }
      for (Process p : new Process[] {ffmpeg, peer}) {
        if (p != null && p.isAlive()) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
      OwnedProcesses.delete(work);
    }
  }

  static Result failed(List<String> command, String problem) {
    return new Result(command, 0, Map.of(), Map.of(), 0, 0, null, 0, problem);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }
}
