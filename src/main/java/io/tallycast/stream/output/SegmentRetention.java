package io.tallycast.stream.output;

import io.tallycast.util.Quantities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a recording's oldest finished segments: those older than the policy's age, then the oldest while all of them
 * together take more than its size. The highest-numbered segment is never touched: it is the one being written (or,
 * with the recording stopped, the last one, which costs one segment of space to keep).
 */
final class SegmentRetention {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRetention.class);

  private final Destination recording;
  private final RecordingPolicy policy;
  private volatile long deletedFiles; // one writer (the disk thread), read by health
  private volatile long deletedBytes;

  SegmentRetention(Destination recording, RecordingPolicy policy) {
    this.recording = recording;
    this.policy = policy;
  }

  /** Applies the policy now; returns the segments deleted, oldest first. One owner thread. */
  List<SegmentFiles.Segment> apply(Instant now) throws IOException {
    List<SegmentFiles.Segment> deleted = new ArrayList<>();
    if (policy.keepAge() == null && policy.keepBytes() == 0) {
      return deleted;
    }
    List<SegmentFiles.Segment> all = SegmentFiles.list(recording);
    long total = all.stream().mapToLong(SegmentFiles.Segment::size).sum();
    for (SegmentFiles.Segment s : all.subList(0, Math.max(0, all.size() - 1))) {
      // a segment's time is when it was last written, i.e. when it ended
      boolean old = policy.keepAge() != null && s.modified().toInstant().isBefore(now.minus(policy.keepAge()));
      boolean over = policy.keepBytes() > 0 && total > policy.keepBytes();
      if (!old && !over) {
        break; // the rest are newer, and what is kept fits
      }
      if (delete(s, old ? "older than " + Quantities.format(policy.keepAge())
          : "recordings over " + RecordingPolicy.size(policy.keepBytes()))) {
        deleted.add(s);
        total -= s.size();
      }
    }
    return deleted;
  }

  private boolean delete(SegmentFiles.Segment s, String why) throws IOException {
    try {
      Files.delete(s.path());
    } catch (NoSuchFileException gone) {
      return false;
    }
    deletedFiles++;
    deletedBytes += s.size();
    LOG.info("recording: deleted {} ({}, ended {}): {}", s.path().getFileName(), RecordingPolicy.size(s.size()),
        s.modified().toInstant(), why);
    return true;
  }

  long deletedFiles() {
    return deletedFiles;
  }

  long deletedBytes() {
    return deletedBytes;
  }
}
