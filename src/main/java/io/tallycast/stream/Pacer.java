package io.tallycast.stream;

import io.tallycast.process.ThreadPriority;
import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.encode.AudioEncoder;
import io.tallycast.stream.encode.EncoderLadder;
import io.tallycast.stream.encode.PacketSink;
import io.tallycast.stream.encode.YuvPicture;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The constant frame clock, on its own thread: at every tick it takes the source's newest picture (converting it only
 * if it is new), encodes it with the tick's timestamp, and encodes the silent audio up to the same time. The clock is
 * absolute (start + n / fps), so it never drifts. A late tick (a slow encode, the machine busy for a moment) is caught
 * up by encoding the next ones back to back, which libx264 veryfast does at over twice real time; only when the
 * encoder is more than a second behind are ticks skipped (counted as dropped), to stay on time rather than fall ever
 * later. Long before that, {@link EncoderLoad} steps the {@link EncoderLadder} down to cheaper settings, and back up
 * when the machine is calm again.
 */
final class Pacer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final String label;
  private final FrameSource source;
  private final EncoderLadder video;
  private final YuvPicture yuv;
  private final EncoderLoad load;
  private final AudioEncoder audio;
  private final PacketSink sink;
  private final int fps;
  private final long maxFrames;
  final AtomicLong encoded = new AtomicLong();
  final AtomicLong fresh = new AtomicLong();
  final AtomicLong repeated = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong droppedByPacer = new AtomicLong();
  private volatile boolean stopping;
  private volatile Throwable failure;
  private long lastSequence = -1;
  /**
   * Nanos added to every tick, within half a frame either way. A capture running its own 30 Hz clock in step with
   * ours but at a phase close to our ticks would make every jitter a repeat followed by a skip; the ticks are
   * pulled towards the middle between two captures (a new picture half a frame old when taken), which removes them.
   */
  private long phase;
  private long period;
  final PreviewTap preview;
  final PictureAge picture = new PictureAge(System.nanoTime());
  final RecentCounts recentDropped;
  final RecentCounts recentRepeated;

  /** Wall-clock time (HH:mm:ss) the encoder first stepped down from its configured settings; null at level 0. */
  volatile String underLoadSince;
  final AtomicLong levelChanges = new AtomicLong();
  private volatile int onAir;

  Pacer(String label, FrameSource source, EncoderLadder video, YuvPicture yuv, AudioEncoder audio, PacketSink sink,
        int fps, long maxFrames, int windowSeconds) {
    this.label = label;
    this.source = source;
    this.video = video;
    this.yuv = yuv;
    this.load = new EncoderLoad(fps, video.maxLevel());
    this.audio = audio;
    this.sink = sink;
    this.fps = fps;
    this.maxFrames = maxFrames;
    this.preview = new PreviewTap(source.width(), source.height());
    this.recentDropped = new RecentCounts(windowSeconds);
    this.recentRepeated = new RecentCounts(windowSeconds);
  }

  @Override
  public void run() {
    ThreadPriority.raiseCurrentThread(ThreadPriority.FRAME_CLOCK_NICE);
    period = 1_000_000_000L / fps;
    long start = System.nanoTime();
    long n = 0;
    try {
      while (!stopping && (maxFrames == 0 || n < maxFrames)) {
        long due = start + phase + n * 1_000_000_000L / fps;
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stopping) {
          LockSupport.parkNanos(wait);
        }
        tick(n, due);
        n++;
        long behind = System.nanoTime() - (start + phase + n * 1_000_000_000L / fps);
        if (behind > period * fps) {
          long skip = behind / period;
          if (maxFrames > 0) {
            skip = Math.min(skip, maxFrames - n);
          }
          n += skip;
          dropped.addAndGet(skip);
          recentDropped.add(skip, System.nanoTime());
        }
      }
      audio.encodeUntil(n * StreamConfig.AUDIO_RATE / fps, sink);
      video.flush(sink);
      audio.flush(sink);
    } catch (Throwable e) {
      failure = e;
    } finally {
      preview.close();
    }
  }

  private void tick(long n, long due) {
    long began = System.nanoTime();
    CapturedFrame frame = source.newest();
    if (frame != null && frame.sequence() != lastSequence) {
      if (lastSequence >= 0 && frame.sequence() > lastSequence + 1) {
        droppedByPacer.addAndGet(frame.sequence() - lastSequence - 1);
      }
      lastSequence = frame.sequence();
      alignPhase(System.nanoTime() - frame.capturedAtNanos());
      yuv.convert(frame.frame(), source.pixelFormat(), frame.damage());
      preview.offer(frame.frame(), source.pixelFormat());
      if (frame.damage() != null) {
        picture.changed(System.nanoTime()); // the capture publishes a picture only when it differs
      } else {
        picture.offer(frame.frame(), System.nanoTime());
      }
      fresh.incrementAndGet();
    } else {
      repeated.incrementAndGet();
      recentRepeated.add(1, System.nanoTime());
    }
    video.encode(yuv, n, sink);
    audio.encodeUntil((n + 1) * StreamConfig.AUDIO_RATE / fps, sink);
    encoded.incrementAndGet();
    long done = System.nanoTime();
    load.limit(video.maxLevel());
    video.want(load.tick(done - began, Math.max(0, began - due)));
    if (video.level() != onAir) {
      levelChanged(video.level());
    }
  }

  /** Says so in the log, once per change, as an operator reads it. */
  private void levelChanged(int now) {
    EncoderLadder.Step step = video.step();
    String what = video.describe(step);
    if (now > onAir) {
      if (onAir == 0) {
        underLoadSince = LocalTime.now().format(CLOCK);
      }
      LOG.warn("{}: encoder under load (work took {}% of the frame time): stepped down to {}", label,
          Math.round(load.load() * 100), what);
    } else {
      LOG.info("{}: encoder load eased ({}% of the frame time): back up to {}", label, Math.round(load.load() * 100),
          what);
      if (now == 0) {
        underLoadSince = null;
      }
    }
    onAir = now;
    levelChanges.incrementAndGet();
  }

  /** What the encoder runs now, for health and the console (the level and its settings read together). */
  EncoderLadder.Step step() {
    return video.steps().get(onAir);
  }

  int level() {
    return onAir;
  }

  /** A rung as an operator reads it. */
  String describe(EncoderLadder.Step step) {
    return video.describe(step);
  }

  int levels() {
    return video.steps().size();
  }

  double load() {
    return load.load();
  }

  private void alignPhase(long age) {
    if (age < 0 || age > 2 * period) {
      return; // a stalled source says nothing about the capture's phase
    }
    long step = Math.max(-500_000, Math.min(500_000, (age - period / 2) / 16));
    phase = Math.max(-period / 2, Math.min(period / 2, phase - step));
  }

  long phaseMicros() {
    return phase / 1000;
  }

  void stop() {
    stopping = true;
  }

  Throwable failure() {
    return failure;
  }
}
