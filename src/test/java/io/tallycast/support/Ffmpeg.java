package io.tallycast.support;

import io.tallycast.bench.BundledFfmpeg;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables that ship inside the FFmpeg -gpl jar ({@link BundledFfmpeg}): a
 * real RTMP peer to push to, and a prober for what arrived, with what the tests check of it.
 */
public final class Ffmpeg {
  private Ffmpeg() {
  }

  public static Path ffmpeg() {
    return BundledFfmpeg.ffmpeg();
  }

  public static Path ffprobe() {
    return BundledFfmpeg.ffprobe();
  }

  public static int freePort() {
    return BundledFfmpeg.freePort();
  }

  static ProcessBuilder builder(Path exe, List<String> args) {
    return BundledFfmpeg.builder(exe, args);
  }

  /** Starts a one-connection RTMP listener that copies whatever it receives into {@code out} (FLV). */
  public static Peer listen(int port, String app, String key, Path out) throws IOException {
    Process process = BundledFfmpeg.listen(port, app, key, out); // returns once it is listening
    return new Peer(process, out, out.resolveSibling(out.getFileName() + ".log"));
  }

  /** A running RTMP listener; {@link #kill()} ends it as a crash would from the pusher's side. */
  public static final class Peer implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path log;

    Peer(Process process, Path out, Path log) {
      this.process = process;
      this.out = out;
      this.log = log;
    }

    public Path out() {
      return out;
    }

    public Process process() {
      return process;
    }

    public String log() throws IOException {
      return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits for the listener to finish its file after the pusher closed the connection. */
    public boolean awaitExit(long seconds) throws InterruptedException {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Ends the peer the hard way (SIGKILL): the pusher sees its connection break mid-stream. */
    public void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          kill();
        }
      }
    }
  }

  /** What ffprobe sees in a file: streams plus every video packet's key flag (no decoding, so it is quick). */
  public static Probe probe(Path file) throws IOException, InterruptedException {
    Process process = builder(ffprobe(), List.of("-v", "error", "-print_format", "json", "-show_streams",
        "-show_format", "-show_entries", "packet=stream_index,pts_time,flags", "-show_packets", file.toString()))
        .redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ffprobe failed on " + file + ": " + err);
    }
    return new Probe(new JsonObject(new String(out, StandardCharsets.UTF_8)));
  }

  /** The parts of ffprobe's JSON the stream tests look at. */
  public record Probe(JsonObject json) {
    public JsonObject video() {
      return stream("video");
    }

    public JsonObject audio() {
      return stream("audio");
    }

    private JsonObject stream(String type) {
      for (Object s : json.getJsonArray("streams", new JsonArray())) {
        JsonObject stream = (JsonObject) s;
        if (type.equals(stream.getString("codec_type"))) {
          return stream;
        }
      }
      return null;
    }

    public String videoCodec() {
      return video() == null ? null : video().getString("codec_name");
    }

    public String size() {
      return video() == null ? null : video().getInteger("width") + "x" + video().getInteger("height");
    }

    public String frameRate() {
      return video() == null ? null : video().getString("r_frame_rate");
    }

    public String audioCodec() {
      return audio() == null ? null : audio().getString("codec_name");
    }

    public int audioRate() {
      return audio() == null ? 0 : Integer.parseInt(audio().getString("sample_rate"));
    }

    public int audioChannels() {
      return audio() == null ? 0 : audio().getInteger("channels");
    }

    public double durationSeconds() {
      return Double.parseDouble(json.getJsonObject("format").getString("duration", "0"));
    }

    private List<JsonObject> videoPackets() {
      int index = video() == null ? -1 : video().getInteger("index");
      List<JsonObject> packets = new ArrayList<>();
      for (Object p : json.getJsonArray("packets", new JsonArray())) {
        JsonObject packet = (JsonObject) p;
        if (packet.getInteger("stream_index") == index) {
          packets.add(packet);
        }
      }
      return packets;
    }

    /** Video frames received (one packet per frame for H.264 without B-frames in FLV/MKV/MP4). */
    public int frameCount() {
      return videoPackets().size();
    }

    /** The indexes (0-based, in arrival order) of the video packets flagged as keyframes. */
    public List<Integer> keyframePositions() {
      List<JsonObject> packets = videoPackets();
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < packets.size(); i++) {
        if (packets.get(i).getString("flags", "").contains("K")) {
          keys.add(i);
        }
      }
      return keys;
    }

    /** Presentation times of the video packets, seconds. */
    public List<Double> videoTimes() {
      return videoPackets().stream().map(p -> Double.parseDouble(p.getString("pts_time", "0"))).toList();
    }
  }
}
