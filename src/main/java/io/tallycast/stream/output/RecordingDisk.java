package io.tallycast.stream.output;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording's disk policy ({@link RecordingPolicy}), on its own thread: reads free space on the recording's file
 * system every {@code checkEvery}, asks the recording to stop when it falls below the floor and lets it go on once it
 * is back above floor + margin, and applies segment retention. The recording's {@link Output} only asks
 * {@link #paused()} between packets and waits in {@link #awaitRoom} before opening the next segment, so the encoder
 * and the ingests never notice. One log line per change of state.
 */
final class RecordingDisk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingDisk.class);

  private final Destination recording;
  private final RecordingPolicy policy;
  private final Path folder;
  private final SegmentRetention retention;
  private final ScheduledExecutorService thread;
  /** Free space is below the floor, or not yet back above floor + margin. Written by the disk thread only. */
  private volatile boolean full;
  /** Set by the disk thread when the floor is crossed, cleared by the recording once it has waited for room. */
  private volatile boolean paused;
  private volatile long pausedAtNanos;
  private volatile FreeSpace.Space space;
  private volatile long floor;
  private volatile String reason;
  private volatile String probeError;

  RecordingDisk(Destination recording) {
    this.recording = recording;
    this.policy = recording.policy();
    this.folder = SegmentFiles.folder(recording);
    this.retention = new SegmentRetention(recording, policy);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "recording-disk-" + recording.file().getFileName());
      t.setDaemon(true);
      return t;
    });
  }

  /** Checks once now (a recording must not even open below the floor), then every period. Not on an event loop. */
  void start() {
    check();
    long every = policy.checkEvery().toMillis();
    thread.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  private void check() {
    try {
      Files.createDirectories(folder);
      FreeSpace.Space now = policy.freeSpace().of(folder);
      if (probeError != null) {
        LOG.info("recording disk: free space on {} readable again", folder);
        probeError = null;
      }
      space = now;
      floor = policy.floor(now.total());
      if (!full && now.usable() < floor) {
        pausedAtNanos = System.nanoTime();
        reason = "recording paused: " + RecordingPolicy.size(now.usable()) + " free on " + folder + ", floor "
            + RecordingPolicy.size(floor);
        synchronized (this) {
          full = true;
          paused = true;
        }
        LOG.warn("{}; the ingests go on and the results database keeps the room left", reason);
      } else if (full && now.usable() >= floor + policy.resumeMarginBytes()) {
        full = false;
        LOG.info("recording resumes: {} free on {} (floor {} + {} margin), after {} s paused; a new segment follows "
                + "the last", RecordingPolicy.size(now.usable()), folder, RecordingPolicy.size(floor),
            RecordingPolicy.size(policy.resumeMarginBytes()), (System.nanoTime() - pausedAtNanos) / 1_000_000_000L);
      }
    } catch (IOException | RuntimeException e) {
      // keep the last state: an unreadable probe is no reason to stop (or restart) a recording
      if (probeError == null) {
        LOG.warn("recording disk: cannot read free space on {}: {}", folder, e.toString());
      }
      probeError = e.toString();
    }
    try {
      retention.apply(Instant.now());
    } catch (IOException | RuntimeException e) {
      LOG.warn("recording: retention of {} failed: {}", folder, e.toString());
    }
  }

  /** The recording should stop (and stay stopped until {@link #awaitRoom} returns). */
  boolean paused() {
    return paused;
  }

  /** Why it is paused, for health. */
  String reason() {
    return reason;
  }

  /**
   * Blocks the recording's thread until free space is back above floor + margin (true) or {@code giveUp} says so
   * (false). Nothing is open meanwhile, so nothing can be left half-written.
   */
  boolean awaitRoom(BooleanSupplier giveUp) {
    while (!giveUp.getAsBoolean()) {
      synchronized (this) {
        if (!full) {
          paused = false; // under the lock: a floor crossed again at this moment is not lost
          return true;
        }
      }
      try {
        Thread.sleep(Math.min(100, policy.checkEvery().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * A segment whose open or first write failed (a full disk) is left empty by FFmpeg: delete it, so a full disk never
   * leaves a trail of 0-byte files. Called by the recording's thread once its muxer is closed.
   */
  void removeEmptySegments() {
    try {
      for (SegmentFiles.Segment s : SegmentFiles.list(recording)) {
        if (s.size() == 0) {
          Files.deleteIfExists(s.path());
          LOG.info("recording: removed the empty segment {} (nothing could be written to it)", s.path().getFileName());
        }
      }
    } catch (IOException e) {
      LOG.warn("recording: cannot clear empty segments in {}: {}", folder, e.toString());
    }
  }

  JsonObject status() {
    FreeSpace.Space s = space;
    return new JsonObject().put("folder", folder.toString()).put("freeBytes", s == null ? null : s.usable())
        .put("floorBytes", floor).put("resumeAboveBytes", floor + policy.resumeMarginBytes()).put("paused", full)
        .put("policy", policy.describe()).put("deletedSegments", retention.deletedFiles())
        .put("deletedBytes", retention.deletedBytes()).put("probeError", probeError);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
