package io.tallycast.stream;

import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.encode.AudioEncoder;
import io.tallycast.stream.encode.PacketSink;
import io.tallycast.stream.encode.VideoEncoder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The constant frame clock, on its own thread: at every tick it takes the source's newest picture (converting it only
 * if it is new), encodes it with the tick's timestamp, and encodes the silent audio up to the same time. The clock is
 * absolute (start + n / fps), so it never drifts. A late tick (a slow encode, the machine busy for a moment) is caught
 * up by encoding the next ones back to back, which libx264 veryfast does at over twice real time; only when the
 * encoder is more than a second behind are ticks skipped (counted as dropped), to stay on time rather than fall ever
 * later.
 */
final class Pacer implements Runnable {
  private final FrameSource source;
  private final VideoEncoder video;
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

  Pacer(FrameSource source, VideoEncoder video, AudioEncoder audio, PacketSink sink, int fps, long maxFrames,
        int windowSeconds) {
    this.source = source;
    this.video = video;
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
        tick(n);
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

  private void tick(long n) {
    CapturedFrame frame = source.newest();
    if (frame != null && frame.sequence() != lastSequence) {
      if (lastSequence >= 0 && frame.sequence() > lastSequence + 1) {
        droppedByPacer.addAndGet(frame.sequence() - lastSequence - 1);
      }
      lastSequence = frame.sequence();
      alignPhase(System.nanoTime() - frame.capturedAtNanos());
      video.convert(frame.frame(), source.pixelFormat());
      preview.offer(frame.frame(), source.pixelFormat());
      picture.offer(frame.frame(), System.nanoTime());
      fresh.incrementAndGet();
    } else {
      repeated.incrementAndGet();
      recentRepeated.add(1, System.nanoTime());
    }
    video.encode(n, sink);
    audio.encodeUntil((n + 1) * StreamConfig.AUDIO_RATE / fps, sink);
    encoded.incrementAndGet();
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
