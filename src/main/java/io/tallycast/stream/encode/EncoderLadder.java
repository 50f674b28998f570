package io.tallycast.stream.encode;

import io.tallycast.process.ThreadPriority;
import io.tallycast.stream.capture.FfmpegLogging;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video encoder with cheaper settings to fall back on when the machine cannot keep up, as a broadcast encoder
 * does: it gives up quality, never time. Level 0 is the configured preset; each level below is a faster x264 preset
 * (veryfast, superfast, ultrafast), and the last two, for a stream that is not constant-bitrate, lower the quality
 * target (fewer bits to code: less work for the entropy coder). A new preset needs a new encoder: it is opened on a
 * thread of its own (opening costs tens of milliseconds) and takes over at the next keyframe, whose time is fixed by
 * the 2 s GOP, so the output keeps its regular GOP and, all presets writing the same SPS/PPS ({@link VideoEncoder}),
 * the ingest sees one continuous stream. A quality change is taken by the running encoder at once. Used by the clock
 * thread only, except {@link #level()} and {@link #step()}, which any thread may read.
 */
public final class EncoderLadder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EncoderLadder.class);
  /** x264's presets, from the slowest to the fastest. */
  static final List<String> PRESETS = List.of("placebo", "veryslow", "slower", "slow", "medium", "fast", "faster",
      "veryfast", "superfast", "ultrafast");
  /** How much each of the last levels lowers the quality target (crf): about 40 % fewer bits a step. */
  static final double CRF_STEP = 4;
  static final int CRF_STEPS = 2;

  /** One rung: a preset and a quality target. */
  public record Step(String preset, double crf) {
  }

  /** A rung as an operator reads it: "preset superfast", "preset ultrafast, quality lowered (crf 24)". */
  public String describe(Step step) {
    return "preset " + step.preset() + (step.crf() != steps.get(0).crf()
        ? ", quality lowered (crf " + Math.round(step.crf()) + ")" : "");
  }

  static {
    FfmpegLogging.quiet(); // libx264 prints its settings at every open otherwise
  }

  private final EncoderSettings base;
  private final List<Step> steps;
  private final byte[] headers;
  /**
   * Every encoder is opened here: libx264's workers are started by the thread that opens it and inherit its raised
   * priority ({@link ThreadPriority}), so they run ahead of other work as the clock thread does.
   */
  private final ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(() -> {
      ThreadPriority.raiseCurrentThread(ThreadPriority.FRAME_CLOCK_NICE);
      r.run();
    }, "libx264 encoder");
    t.setDaemon(true);
    return t;
  });
  private VideoEncoder current;
  private volatile int level;
  private int preparing = -1;
  private CompletableFuture<VideoEncoder> next;
  /** Levels from which on a preset could not be used (its headers differed): the ladder stops above them. */
  private volatile int usable;

  public EncoderLadder(EncoderSettings base) {
    this.base = base;
    this.steps = steps(base);
    this.current = open(base);
    this.headers = current.headers();
    this.usable = steps.size() - 1;
  }

  private VideoEncoder open(EncoderSettings settings) {
    try {
      return CompletableFuture.supplyAsync(() -> new VideoEncoder(settings), opener).join();
    } catch (java.util.concurrent.CompletionException e) {
      opener.shutdown();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The rungs for these settings: the configured preset, the faster ones, and lower quality at the bottom. */
  static List<Step> steps(EncoderSettings base) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(base.preset(), base.crf()));
    int from = PRESETS.indexOf(base.preset().toLowerCase(Locale.ROOT));
    for (String preset : List.of("veryfast", "superfast", "ultrafast")) {
      if (PRESETS.indexOf(preset) > Math.max(from, PRESETS.indexOf("faster"))) {
        steps.add(new Step(preset, base.crf()));
      }
    }
    String fastest = steps.get(steps.size() - 1).preset();
    for (int i = 1; i <= CRF_STEPS && !base.cbr(); i++) {
      steps.add(new Step(fastest, base.crf() + i * CRF_STEP));
    }
    return List.copyOf(steps);
  }

  /** The first encoder, whose stream parameters the outputs take. */
  public VideoEncoder first() {
    return current;
  }

  public int maxLevel() {
    return usable;
  }

  public int level() {
    return level;
  }

  public Step step() {
    return steps.get(level);
  }

  public List<Step> steps() {
    return steps;
  }

  /** Clock thread: moves towards this level (a preset change waits for its encoder and the next keyframe). */
  public void want(int wanted) {
    int target = Math.max(0, Math.min(usable, wanted));
    if (target == level && preparing < 0) {
      return;
    }
    Step step = steps.get(target);
    if (step.preset().equals(current.settings().preset())) {
      dropPreparing();
      current.quality(step.crf());
      level = target;
      return;
    }
    if (preparing == target) {
      return;
    }
    dropPreparing();
    preparing = target;
    EncoderSettings settings = base.withPreset(step.preset());
    next = CompletableFuture.supplyAsync(() -> new VideoEncoder(settings), opener);
  }

  private void dropPreparing() {
    if (next != null) {
      next.thenAccept(VideoEncoder::close);
      next = null;
    }
    preparing = -1;
  }

  /** A cheaper encoder is open and waits for the next keyframe. */
  boolean prepared() {
    return next != null && next.isDone();
  }

  /** Encodes frame {@code pts}; at a keyframe's time a prepared encoder takes over first. */
  public void encode(YuvPicture picture, long pts, PacketSink sink) {
    if (next != null && next.isDone() && pts % base.gop() == 0) {
      takeOver(sink);
    }
    current.encode(picture, pts, sink);
  }

  private void takeOver(PacketSink sink) {
    VideoEncoder prepared;
    try {
      prepared = next.join();
    } catch (RuntimeException e) {
      LOG.warn("stream: the encoder for preset {} did not open ({}); staying on {}", steps.get(preparing).preset(),
          e.getMessage(), current.settings().preset());
      usable = Math.max(0, preparing - 1);
      next = null;
      preparing = -1;
      return;
    }
    if (!Arrays.equals(prepared.headers(), headers)) {
      // an ingest would need new stream parameters mid-stream: not worth a glitch, the ladder stops here
      LOG.warn("stream: preset {} writes other SPS/PPS than the stream started with; not used",
          prepared.settings().preset());
      prepared.close();
      usable = Math.max(0, preparing - 1);
      next = null;
      preparing = -1;
      return;
    }
    prepared.quality(steps.get(preparing).crf());
    current.flush(sink); // zerolatency without B-frames: nothing is held back, but nothing may be lost either
    current.close();
    current = prepared;
    level = preparing;
    next = null;
    preparing = -1;
  }

  public void flush(PacketSink sink) {
    current.flush(sink);
  }

  @Override
  public void close() {
    dropPreparing();
    opener.shutdown();
    current.close();
  }
}
