package io.tallycast.stream.output;

import static org.bytedeco.ffmpeg.global.avcodec.*;

import io.tallycast.stream.encode.PacketSink;
import io.tallycast.stream.encode.Tracks;
import io.tallycast.util.Backoff;
import io.tallycast.util.Rate;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination on its own thread with its own connection and a bounded queue of encoded packets (references to the
 * encoder's buffers, not copies). The encoder never waits for it: a destination that is not live, or whose queue is
 * full, loses packets up to the next keyframe, and only it. On a failure it reconnects with backoff and jitter and
 * resumes on a keyframe; the encoder's clock never notices.
 */
public final class Output {
  private static final Logger LOG = LoggerFactory.getLogger(Output.class);

  public enum State { CONNECTING, LIVE, RECONNECTING, PAUSED, FAILED, STOPPED }

  private record Item(AVPacket packet, int stream) {
  }

  private static final Item END = new Item(null, -1);

  private final Destination destination;
  private final OutputSettings config;
  private final Tracks tracks;
  private final BlockingQueue<Item> queue;
  private final Backoff backoff;
  private final Thread thread;
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong droppedPackets = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong videoFrames = new AtomicLong();
  private final Rate fps = new Rate();
  private final Rate bitrate = new Rate();
  private volatile State state = State.CONNECTING;
  private volatile long liveSinceNanos;
  private volatile String lastError;
  private volatile boolean finishing;
  private volatile boolean stopping;
  private volatile Muxer current;
  /** A recording's disk policy (null for an ingest): it may pause the recording, see {@link RecordingDisk}. */
  private final RecordingDisk disk;
  /** Touched only by the encoder thread: drop everything until the next video keyframe. */
  private boolean resync = true;

  public Output(Destination destination, OutputSettings config, Tracks tracks) {
    this.destination = destination;
    this.config = config;
    this.tracks = tracks;
    this.queue = new ArrayBlockingQueue<>(config.queuePackets());
    this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
    this.thread = new Thread(this::run, "stream-out-" + destination.shown());
    this.thread.setDaemon(true);
    this.disk = destination.network() ? null : new RecordingDisk(destination);
  }

  public void start() {
    if (disk != null) {
      disk.start();
    }
    thread.start();
  }

  /** Waits until the first connection attempt ended (live or failed), so the clock starts with the viewers. */
  public boolean awaitFirstAttempt(long timeout, TimeUnit unit) throws InterruptedException {
    return firstAttempt.await(timeout, unit);
  }

  /** Called by the encoder thread for every packet; never blocks. */
  public void offer(AVPacket packet, int stream) {
    if (state != State.LIVE || finishing) {
      resync = true;
      return;
    }
    if (resync) {
      if (stream != PacketSink.VIDEO || (packet.flags() & AV_PKT_FLAG_KEY) == 0) {
        return;
      }
      resync = false;
    }
    AVPacket copy = av_packet_clone(packet);
    if (!queue.offer(new Item(copy, stream))) {
      av_packet_free(copy);
      droppedPackets.incrementAndGet();
      resync = true; // what follows would refer to the lost packet
    }
  }

  private void run() {
    int attempts = 0;
    while (!stopping) {
      if (disk != null && disk.paused()) {
        state = State.PAUSED; // no file open while the disk is short: the database keeps the room
        lastError = disk.reason();
        firstAttempt.countDown();
        if (!disk.awaitRoom(() -> stopping || finishing)) {
          break;
        }
      }
      state = attempts == 0 ? State.CONNECTING : State.RECONNECTING;
      Muxer muxer = new Muxer(destination, tracks);
      current = muxer;
      long liveAt = 0;
      try {
        muxer.open(config.startTimeout().toNanos(), config.rwTimeout().toNanos() / 1000, config.sendBufferBytes(),
            config.fps());
        liveAt = System.nanoTime();
        liveSinceNanos = liveAt;
        lastError = null;
        state = State.LIVE;
        firstAttempt.countDown();
        LOG.info("stream: {} live{}", destination.shown(), attempts == 0 ? "" : " again");
        if (pump(muxer)) {
          muxer.finish();
          if (disk != null && disk.paused()) {
            continue; // paused by the disk policy, not the end: wait for room, then the next segment
          }
          break;
        }
      } catch (Exception e) {
        lastError = e.getMessage();
        if (!stopping) {
          LOG.warn("stream: {}", e.getMessage());
        }
      } finally {
        state = stopping || finishing ? state : State.RECONNECTING;
        clear();
        muxer.close();
        current = null;
        if (disk != null) {
          disk.removeEmptySegments();
        }
      }
      firstAttempt.countDown();
      if (stopping || finishing) {
        break;
      }
      attempts++;
      reconnects.incrementAndGet();
      if (liveAt != 0 && System.nanoTime() - liveAt > TimeUnit.SECONDS.toNanos(30)) {
        backoff.reset(); // it had been fine for a while: retry soon
      }
      long delay = backoff.failed();
      LOG.info("stream: {} reconnecting in {} ms (attempt {})", destination.shown(), delay, attempts);
      sleep(delay);
    }
    state = State.STOPPED;
    clear();
  }

  /** Writes queued packets until the end marker (true) or a failure (exception). */
  private boolean pump(Muxer muxer) throws Exception {
    while (!stopping) {
      if (disk != null && disk.paused()) {
        return true; // the segment is finished properly (trailer), as at the end
      }
      Item item = queue.poll(200, TimeUnit.MILLISECONDS);
      if (item == null) {
        continue;
      }
      if (item == END) {
        return true;
      }
      int size = item.packet().size();
      try {
        if (muxer.write(item.packet(), item.stream())) {
          bytes.addAndGet(size);
          if (item.stream() == PacketSink.VIDEO) {
            videoFrames.incrementAndGet();
          }
        }
      } finally {
        av_packet_free(item.packet());
      }
    }
    return false;
  }

  private void clear() {
    Item item;
    while ((item = queue.poll()) != null) {
      if (item.packet() != null) {
        av_packet_free(item.packet());
      }
    }
  }

  private void sleep(long ms) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (!stopping && !finishing && System.nanoTime() < end) {
      try {
        Thread.sleep(Math.min(100, ms));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The encoder is done: write what is queued, finish the file or stream properly, then stop (bounded). */
  public void finish(long timeoutMs) throws InterruptedException {
    if (state == State.LIVE) {
      while (!queue.offer(END, 100, TimeUnit.MILLISECONDS) && thread.isAlive()) {
        // the queue is full of packets still to send: wait for room
      }
    }
    finishing = true;
    thread.join(timeoutMs);
    stop();
  }

  /** Stops now, abandoning any blocked write. */
  public void stop() throws InterruptedException {
    stopping = true;
    Muxer muxer = current;
    if (muxer != null) {
      muxer.abort();
    }
    thread.interrupt();
    thread.join(5000);
    if (disk != null) {
      disk.close();
    }
  }

  public State state() {
    return state;
  }

  public long reconnects() {
    return reconnects.get();
  }

  public long bytes() {
    return bytes.get();
  }

  public Destination destination() {
    return destination;
  }

  public JsonObject status() {
    long now = System.nanoTime();
    State s = state;
    return new JsonObject().put("target", destination.shown()).put("kind", destination.network() ? "rtmp" : "recording")
        .put("state", s.name().toLowerCase(java.util.Locale.ROOT))
        .put("fps", round(fps.perSecond(videoFrames.get())))
        .put("bitrate", Math.round(bitrate.perSecond(bytes.get()) * 8))
        .put("droppedPackets", droppedPackets.get()).put("reconnects", reconnects.get())
        .put("uptimeSeconds", s == State.LIVE ? (now - liveSinceNanos) / 1_000_000_000L : 0)
        .put("lastError", lastError).put("disk", disk == null ? null : disk.status());
  }

  public static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
