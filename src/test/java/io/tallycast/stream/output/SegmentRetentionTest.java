package io.tallycast.stream.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.util.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which finished segments retention deletes, on plain files with set times (the real recording: RecordingDiskTest). */
class SegmentRetentionTest {
  private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");

  @TempDir
  Path dir;

  @Test
  void over_the_size_kept_the_oldest_go_first_and_the_newest_stays_even_when_it_alone_is_over() throws Exception {
    for (int i = 0; i < 5; i++) {
      segment(i, 100, NOW.minusSeconds(600 - i * 100L));
    }
    SegmentRetention retention = new SegmentRetention(recording(RecordingPolicy.defaults().withKeep(null, 250)),
        RecordingPolicy.defaults().withKeep(null, 250));
    assertThat(names(retention.apply(NOW))).containsExactly("rec-000.mkv", "rec-001.mkv", "rec-002.mkv");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("rec-003.mkv", "rec-004.mkv");

    RecordingPolicy tiny = RecordingPolicy.defaults().withKeep(null, 10);
    new SegmentRetention(recording(tiny), tiny).apply(NOW);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("rec-004.mkv");
  }

  @Test
  void by_age_only_segments_that_ended_before_the_time_kept_go_and_other_files_are_left_alone() throws Exception {
    segment(7, 10, NOW.minus(Duration.ofHours(30)));
    segment(8, 10, NOW.minus(Duration.ofHours(25)));
    segment(9, 10, NOW.minus(Duration.ofHours(23)));
    segment(10, 10, NOW.minus(Duration.ofHours(26))); // newest number, old time (a clock step): still never deleted
    Files.writeString(dir.resolve("other-000.mkv"), "x");
    Files.setLastModifiedTime(dir.resolve("other-000.mkv"), FileTime.from(NOW.minus(Duration.ofDays(9))));
    RecordingPolicy policy = RecordingPolicy.defaults(); // 24 h
    SegmentRetention retention = new SegmentRetention(recording(policy), policy);
    assertThat(names(retention.apply(NOW))).containsExactly("rec-007.mkv", "rec-008.mkv");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("other-000.mkv", "rec-009.mkv", "rec-010.mkv");
    assertThat(SegmentFiles.next(recording(policy))).isEqualTo(11);
  }

  @Test
  void the_options_read_as_people_write_them() {
    RecordingPolicy p = RecordingPolicy.parse("5%", "90m", "50G");
    assertThat(p.floor(200 * RecordingPolicy.GIB)).isEqualTo(10 * RecordingPolicy.GIB);
    assertThat(p.keepAge()).isEqualTo(Duration.ofMinutes(90));
    assertThat(p.keepBytes()).isEqualTo(50 * RecordingPolicy.GIB);
    assertThat(p.describe()).isEqualTo("floor 5% of the disk, keep 90m and 50.0 GB");
    RecordingPolicy d = RecordingPolicy.defaults();
    assertThat(d.floor(1L << 40)).isEqualTo(RecordingPolicy.GIB);
    assertThat(d.describe()).isEqualTo("floor 1.0 GB, keep 24h");
    assertThat(RecordingPolicy.parse("500M", "0", null).describe()).isEqualTo("floor 0.5 GB, keep all");
    assertThat(Quantities.parseBytes("1.5GB")).isEqualTo(3 * RecordingPolicy.GIB / 2);
    assertThat(RecordingPolicy.size(400 * RecordingPolicy.MIB)).isEqualTo("0.4 GB");
  }

  private Destination recording(RecordingPolicy policy) {
    return Destination.recording(dir.resolve("rec.mkv"), Duration.ofMinutes(10), policy);
  }

  private void segment(int number, int bytes, Instant ended) throws Exception {
    Path p = dir.resolve(String.format("rec-%03d.mkv", number));
    Files.write(p, new byte[bytes]);
    Files.setLastModifiedTime(p, FileTime.from(ended));
  }

  private static List<String> names(List<SegmentFiles.Segment> segments) {
    return segments.stream().map(s -> s.path().getFileName().toString()).toList();
  }
}
