package io.tallycast.stream;

import io.tallycast.stream.capture.FfmpegLogging;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.encode.AudioEncoder;
import io.tallycast.stream.encode.EncoderLadder;
import io.tallycast.stream.encode.PacketSink;
import io.tallycast.stream.encode.Tracks;
import io.tallycast.stream.encode.VideoEncoder;
import io.tallycast.stream.encode.YuvPicture;
import io.tallycast.stream.output.Destination;
import io.tallycast.stream.output.Output;
import io.tallycast.util.Rate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream: a frame source, ONE video and ONE audio encoder driven by the {@link Pacer}'s clock, and the encoded
 * packets fanned out by reference to every {@link Output} (each with its own thread, queue and connection). Encoding
 * once is what keeps 1080p30 within budget: libx264 at the default preset costs under a fifth of a core at 1080p,
 * muxing next to nothing.
 */
public final class Streamer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Streamer.class);

  public enum State { STARTING, RUNNING, FINISHED, FAILED, STOPPED }

  private final StreamConfig config;
  private final FrameSource source;
  private final List<Output> outputs = new ArrayList<>();
  private final Rate fps = new Rate();
  private final Rate bitrate = new Rate();
  private final java.util.concurrent.atomic.AtomicLong encodedBytes = new java.util.concurrent.atomic.AtomicLong();
  private EncoderLadder video;
  private YuvPicture picture;
  private AudioEncoder audio;
  private Tracks tracks;
  private volatile Pacer pacer;
  private Thread clock;
  private volatile State state = State.STOPPED;
  private volatile long startedNanos;
  private volatile String lastError;
  private volatile PacketSink tap;
  private boolean closed;
  /** How the log names this stream: its health part ("stream", "stream tally"), so two channels are told apart. */
  private String label = "stream";

  static {
    FfmpegLogging.quiet();
  }

  public Streamer(StreamConfig config, FrameSource source) {
    if (config.destinations().isEmpty()) {
      throw new IllegalArgumentException("the stream needs at least one destination (--out)");
    }
    this.config = config;
    this.source = source;
  }

  /** Names this stream in the log as its health part is named; before {@link #start()}. */
  public Streamer labelled(String part) {
    this.label = part;
    return this;
  }

  /**
   * Opens the encoders, starts the source, connects every destination (in parallel, each bounded by the start
   * timeout) and then starts the clock. Destinations that fail keep retrying on their own; the stream starts anyway.
   */
  public synchronized void start() throws Exception {
    state = State.STARTING;
    VideoEncoder.require(VideoEncoder.ENCODER);
    video = new EncoderLadder(config.encoder());
    picture = new YuvPicture(config.width(), config.height());
    audio = new AudioEncoder();
    tracks = new Tracks(video.first().context(), audio.context());
    source.start();
    for (Destination destination : config.destinations()) {
      outputs.add(new Output(destination, config.output(), tracks));
    }
    outputs.forEach(Output::start);
    long deadline = System.nanoTime() + config.startTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
    for (Output output : outputs) {
      output.awaitFirstAttempt(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    pacer = new Pacer(label, source, video, picture, audio, this::fanOut, config.fps(), config.maxFrames(),
        (int) Math.max(1, config.dropWindow().toSeconds()));
    clock = new Thread(pacer, "stream-clock");
    clock.setPriority(Thread.MAX_PRIORITY);
    clock.setDaemon(true);
    startedNanos = System.nanoTime();
    state = State.RUNNING;
    clock.start();
    LOG.info("{}: {}x{} {} fps, {} kbps{}, preset {}, to {}", label, config.width(), config.height(), config.fps(),
        config.bitrate() / 1000, config.cbr() ? " CBR" : "", config.preset(),
        outputs.stream().map(o -> o.destination().shown()).toList());
  }

  /**
   * Sees every encoded packet as it leaves the encoder, before the outputs get it (on the clock thread: it must be
   * quick and must not keep the packet). For measurements such as the latency bench's air time of each frame.
   */
  public void tap(PacketSink value) {
    tap = value;
  }

  private void fanOut(AVPacket packet, int stream) {
    PacketSink t = tap;
    if (t != null) {
      t.accept(packet, stream);
    }
    encodedBytes.addAndGet(packet.size());
    for (Output output : outputs) {
      output.offer(packet, stream);
    }
  }

  /** Waits for a stream with a duration to reach its end, then finishes every output properly. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    clock.join(unit.toMillis(timeout));
    if (clock.isAlive()) {
      return false;
    }
    finishOutputs();
    return true;
  }

  private void finishOutputs() throws InterruptedException {
    for (Output output : outputs) {
      output.finish(10_000);
    }
    Throwable failure = pacer.failure();
    if (failure != null) {
      lastError = failure.toString();
      state = State.FAILED;
      LOG.error("{}: the encoder stopped: {}", label, failure.toString());
    } else if (state == State.RUNNING) {
      state = State.FINISHED;
    }
  }

  public State state() {
    return state;
  }

  public StreamConfig config() {
    return config;
  }

  public FrameSource source() {
    return source;
  }

  public long repeated() {
    return pacer == null ? 0 : pacer.repeated.get();
  }

  public long encoded() {
    return pacer == null ? 0 : pacer.encoded.get();
  }

  public long dropped() {
    return pacer == null ? 0 : pacer.dropped.get();
  }

  public long droppedByPacer() {
    return pacer == null ? 0 : pacer.droppedByPacer.get();
  }

  /** 0 while the encoder runs as configured; each level above is cheaper (see {@link EncoderLadder}). */
  public int encoderLevel() {
    Pacer p = pacer;
    return p == null ? 0 : p.level();
  }

  public double encoderLoad() {
    Pacer p = pacer;
    return p == null ? 0 : p.load();
  }

  public long encoderChanges() {
    Pacer p = pacer;
    return p == null ? 0 : p.levelChanges.get();
  }

  public long encodedBytes() {
    return encodedBytes.get();
  }

  /** Seconds since the picture on air last changed (0 when not running). */
  double pictureAgeSeconds() {
    Pacer p = pacer;
    return p == null || state != State.RUNNING ? 0 : p.picture.ageNanos(System.nanoTime()) / 1e9;
  }

  long recentDropped() {
    Pacer p = pacer;
    return p == null ? 0 : p.recentDropped.sum(System.nanoTime());
  }

  long recentRepeated() {
    Pacer p = pacer;
    return p == null ? 0 : p.recentRepeated.sum(System.nanoTime());
  }

  /** What one comparison of pictures costs the clock thread, in microseconds on average. */
  public double pictureCheckMicros() {
    Pacer p = pacer;
    return p == null ? 0 : p.picture.costMicros();
  }

  public List<Output> outputs() {
    return outputs;
  }

  public long reconnects() {
    return outputs.stream().mapToLong(Output::reconnects).sum();
  }

  /** A small JPEG of what is on air now, or null before the first picture (or when not running). */
  public byte[] previewJpeg() throws java.io.IOException {
    Pacer p = pacer;
    return p == null ? null : p.preview.jpeg();
  }

  /** Live figures for health and the console; thread-safe. */
  public JsonObject status() {
    JsonArray destinations = new JsonArray();
    outputs.forEach(o -> destinations.add(o.status()));
    State s = state;
    return new JsonObject().put("state", s.name().toLowerCase(Locale.ROOT))
        .put("width", config.width()).put("height", config.height()).put("targetFps", config.fps())
        .put("fps", Output.round(fps.perSecond(encoded())))
        .put("bitrate", Math.round(bitrate.perSecond(encodedBytes()) * 8))
        .put("encoded", encoded()).put("dropped", dropped()).put("droppedByPacer", droppedByPacer())
        .put("repeated", repeated()).put("reconnects", reconnects())
        .put("pictureAgeSeconds", Math.round(pictureAgeSeconds() * 10) / 10.0)
        .put("recentDropped", recentDropped()).put("recentRepeated", recentRepeated())
        .put("recentWindowSeconds", config.dropWindow().toSeconds())
        .put("uptimeSeconds", s == State.RUNNING ? (System.nanoTime() - startedNanos) / 1_000_000_000L : 0)
        .put("lastError", lastError).put("encoder", encoderStatus()).put("source", source.status())
        .put("destinations", destinations);
  }

  /**
   * The encoder's settings on air and its load: {preset, crf, level, levels, load, since, note}. The note is what an
   * operator needs to read ("encoder under load: preset superfast since 21:04:05"), null while all is as configured.
   */
  private JsonObject encoderStatus() {
    Pacer p = pacer;
    if (p == null) {
      return new JsonObject().put("preset", config.preset()).put("level", 0);
    }
    EncoderLadder.Step step = p.step();
    String since = p.underLoadSince;
    return new JsonObject().put("preset", step.preset()).put("crf", config.cbr() ? null : step.crf())
        .put("level", p.level()).put("levels", p.levels()).put("load", Math.round(p.load() * 100) / 100.0)
        .put("changes", p.levelChanges.get()).put("since", since)
        .put("convertedShare", Math.round(picture == null ? 0 : picture.convertedShare() * 1000) / 1000.0)
        .put("note", since == null ? null
            : "encoder under load: " + p.describe(step) + " since " + since);
  }

  /** Stops the clock, finishes the outputs (trailers written), closes the encoders and the source. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (pacer != null) {
        pacer.stop();
        clock.join(5000);
        finishOutputs();
      }
      for (Output output : outputs) {
        output.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (state == State.RUNNING || state == State.STARTING) {
        state = State.STOPPED;
      }
      if (clock == null || !clock.isAlive()) {
        // only once the clock thread has ended: freeing an encoder under it would crash the JVM
        if (video != null) {
          video.close();
          video = null;
        }
        if (picture != null) {
          picture.close();
          picture = null;
        }
        if (audio != null) {
          audio.close();
          audio = null;
        }
        if (tracks != null && outputs.stream().allMatch(o -> o.state() == Output.State.STOPPED)) {
          tracks.close();
          tracks = null;
        }
      }
      source.close();
    }
  }
}
