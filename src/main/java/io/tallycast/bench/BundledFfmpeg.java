package io.tallycast.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables that ship inside the FFmpeg -gpl jar: a local RTMP peer to push to
 * (benchmark, tests) and a prober for what arrived, on any machine with no FFmpeg installed. They are linked against
 * the shared libraries beside them in the JavaCPP cache, hence LD_LIBRARY_PATH.
 */
public final class BundledFfmpeg {
  private static Path ffmpeg;
  private static Path ffprobe;

  private BundledFfmpeg() {
  }

  public static synchronized Path ffmpeg() {
    if (ffmpeg == null) {
      ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }
    return ffmpeg;
  }

  public static synchronized Path ffprobe() {
    if (ffprobe == null) {
      ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
    }
    return ffprobe;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ProcessBuilder builder(Path exe, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("LD_LIBRARY_PATH", exe.getParent().toString());
    return pb;
  }

  /**
   * Starts a one-connection RTMP listener that copies whatever it receives into {@code out} (FLV), logging beside it.
   */
  public static Process listen(int port, String app, String key, Path out) throws IOException {
    Path log = out.resolveSibling(out.getFileName() + ".log");
    Process process = builder(ffmpeg(), List.of("-hide_banner", "-nostdin", "-loglevel", "warning", "-y",
        "-listen", "1", "-i", "rtmp://127.0.0.1:" + port + "/" + app + "/" + key, "-c", "copy", "-f", "flv",
        out.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitListening(process, port, log);
    return process;
  }

  /** Waits for the listener to bind its port, seen in /proc/net/tcp (a test connection would use up its one accept). */
  static void awaitListening(Process process, int port, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (listening(port)) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    process.destroyForcibly();
    throw new IOException("the RTMP peer did not start listening on " + port + ": "
        + (Files.exists(log) ? Files.readString(log) : ""));
  }

  /** LISTEN, or ESTABLISHED already: ffmpeg closes its listening socket once it accepted its one connection. */
  public static boolean listening(int port) {
    try {
      String hex = String.format("%04X", port);
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        Path path = Path.of(table);
        if (Files.exists(path)) {
          for (String line : Files.readAllLines(path)) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(":" + hex) && (f[3].equals("0A") || f[3].equals("01"))) {
              return true;
            }
          }
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /**
   * Waits for a listening peer whose pusher has closed the connection to finish its file and exit (15 s), then stops
   * it (5 s more).
   */
  public static void awaitFinished(Process peer) throws InterruptedException {
    if (!peer.waitFor(15, TimeUnit.SECONDS)) {
      peer.destroy();
      peer.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Once the peer has finished: the video timestamps it wrote (seconds), none when it wrote no file. */
  public static List<Double> receivedTimestamps(Process peer, Path file) throws IOException, InterruptedException {
    awaitFinished(peer);
    return java.nio.file.Files.exists(file) ? videoTimestamps(file) : List.of();
  }

  /** Video packets in a file (one per frame for H.264 without B-frames), read by ffprobe without decoding. */
  public static long videoPackets(Path file) throws IOException, InterruptedException {
    Process process = builder(ffprobe(), List.of("-v", "error", "-select_streams", "v:0", "-count_packets",
        "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", file.toString())).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !out.matches("\\d+")) {
      process.destroyForcibly();
      throw new IOException("ffprobe could not count the frames of " + file + ": " + err + out);
    }
    return Long.parseLong(out);
  }

  /**
   * The video packets' presentation times in seconds, sorted (the decode time where a packet has none), read by
   * ffprobe without decoding: the timeline a viewer would get.
   */
  public static List<Double> videoTimestamps(Path file) throws IOException, InterruptedException {
    Path listing = Files.createTempFile(file.getParent(), "timestamps", ".csv");
    try {
      Process process = builder(ffprobe(), List.of("-v", "error", "-select_streams", "v:0", "-show_entries",
          "packet=pts_time,dts_time", "-of", "csv=p=0", file.toString()))
          .redirectOutput(listing.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("ffprobe could not read the timestamps of " + file);
      }
      return parseTimestamps(Files.readAllLines(listing, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(listing);
    }
  }

  /** Lines of "pts,dts" as ffprobe prints them ("N/A" where unknown), sorted. */
  static List<Double> parseTimestamps(List<String> lines) {
    List<Double> times = new ArrayList<>();
    for (String line : lines) {
      for (String field : line.strip().split(",")) {
        if (field.matches("-?\\d+(\\.\\d+)?")) {
          times.add(Double.parseDouble(field));
          break;
        }
      }
    }
    times.sort(null);
    return times;
  }
}
