package io.tallycast.stream.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsStore;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamHealth;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.LogCapture;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording's disk policy with a real encoder writing real segment files. A full disk cannot be mounted in a test,
 * so free space comes from a probe the test turns down and up; everything else (files, FFmpeg, the RTMP peer, SQLite)
 * is real.
 */
@SlowTier
class RecordingDiskTest {
  private static final long GIB = RecordingPolicy.GIB;
  private static final long MIB = RecordingPolicy.MIB;
  private static final Duration SEGMENT = Duration.ofSeconds(2); // one GOP: the shortest segment there is

  @TempDir
  Path dir;

  @Test
  void below_the_floor_the_recording_stops_first_the_ingest_and_the_store_go_on_and_it_resumes_with_the_next_segment()
      throws Exception {
    AtomicLong free = new AtomicLong(50 * GIB);
    RecordingPolicy policy = RecordingPolicy.defaults().withFloor(GIB, GIB / 2).withCheckEvery(Duration.ofMillis(250))
        .withFreeSpace(folder -> new FreeSpace.Space(free.get(), 100 * GIB));
    int port = Ffmpeg.freePort();
    String url = "rtmp://127.0.0.1:" + port + "/live/disk";
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest(url),
            Destination.recording(dir.resolve("rec.mkv"), SEGMENT, policy)))
        .withSize(320, 180).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5));
    Path data = Files.createDirectories(dir.resolve("data"));
    try (Ffmpeg.Peer peer = Ffmpeg.listen(port, "live", "disk", dir.resolve("ingest.flv"));
         Streamer streamer = new Streamer(config, new TestPatternSource(320, 180));
         ResultsStore store = ResultsStore.open(data, ElectionData.westBengal2021());
         LogCapture disk = new LogCapture(RecordingDisk.class)) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(60)).until(() -> segments().size() >= 2 && state(streamer, 0).equals("live"));

      long crossed = System.nanoTime();
      free.set(GIB - 300 * MIB);
      await().atMost(Duration.ofSeconds(10)).until(() -> state(streamer, 1).equals("paused"));
      long stoppedMs = (System.nanoTime() - crossed) / 1_000_000;
      Map<String, Long> atPause = segments();
      assertThat(atPause.values()).as("no 0-byte file").allMatch(size -> size > 0);
      HealthReport report = health.report();
      assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
      assertThat(report.lastError()).isEqualTo("recording paused: 0.7 GB free on " + dir.toAbsolutePath()
          + ", floor 1.0 GB");
      JsonObject recording = destination(streamer, 1);
      assertThat(recording.getJsonObject("disk").getBoolean("paused")).isTrue();
      assertThat(recording.getString("lastError")).startsWith("recording paused: ");

      // the viewers keep watching: the ingest carries 3 s more while the recording's files stay as they are
      long sent = ingestBytes(streamer);
      long frames = streamer.status().getLong("encoded");
      await().atMost(Duration.ofSeconds(30)).until(() -> streamer.status().getLong("encoded") >= frames + 90);
      assertThat(ingestBytes(streamer)).isGreaterThan(sent);
      assertThat(state(streamer, 0)).isEqualTo("live");
      assertThat(segments()).as("nothing written while paused").isEqualTo(atPause);
      // and the results database, which the floor protects, keeps committing
      ApplyResult committed = store.apply(declared(210));
      assertThat(committed.acceptedSeats()).containsExactly(210);

      // above the floor but not above floor + margin: still paused (the space would be taken back at once)
      free.set(GIB + 100 * MIB);
      await().atMost(Duration.ofSeconds(10)).until(() -> freeShown(streamer) == GIB + 100 * MIB);
      assertThat(state(streamer, 1)).isEqualTo("paused");

      long back = System.nanoTime();
      free.set(GIB + GIB / 2 + MIB);
      await().atMost(Duration.ofSeconds(20)).until(() -> state(streamer, 1).equals("live"));
      long resumedMs = (System.nanoTime() - back) / 1_000_000;
      int last = number(((TreeMap<String, Long>) atPause).lastKey());
      String next = String.format("rec-%03d.mkv", last + 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> segments().getOrDefault(next, 0L) > 0);
      Map<String, Long> after = segments();
      atPause.forEach((name, size) -> assertThat(after.get(name)).as(name + " not overwritten").isEqualTo(size));
      assertThat(health.report().status()).isEqualTo(HealthReport.Status.OK);
      assertThat(destination(streamer, 1).getLong("reconnects")).as("a pause is not a failure").isZero();
      streamer.close();
      assertThat(disk.lines()).hasSize(2);
      assertThat(disk.lines().get(0)).startsWith("WARN recording paused: 0.7 GB free");
      assertThat(disk.lines().get(1)).startsWith("INFO recording resumes: 1.5 GB free");
      for (Map.Entry<String, Long> segment : segments().entrySet()) {
        assertThat(segment.getValue()).as(segment.getKey()).isPositive();
        assertThat(Ffmpeg.probe(dir.resolve(segment.getKey())).frameCount()).as(segment.getKey()).isPositive();
      }
      System.out.printf("recording disk: floor crossed -> recording stopped in %d ms, room back -> recording live "
          + "in %d ms (checked every 250 ms); %s resumed after %s%n", stoppedMs, resumedMs, next,
          ((TreeMap<String, Long>) atPause).lastKey());
    }
  }

  @Test
  void a_stream_that_only_records_is_degraded_not_down_while_the_disk_policy_holds_it() throws Exception {
    AtomicLong free = new AtomicLong(50 * GIB);
    RecordingPolicy policy = RecordingPolicy.defaults().withFloor(GIB, GIB / 2).withCheckEvery(Duration.ofMillis(250))
        .withFreeSpace(folder -> new FreeSpace.Space(free.get(), 100 * GIB));
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("rec.mkv"), SEGMENT,
        policy))).withSize(320, 180);
    try (Streamer streamer = new Streamer(config, new TestPatternSource(320, 180))) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(60)).until(() -> state(streamer, 0).equals("live"));
      free.set(GIB / 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> state(streamer, 0).equals("paused"));
      HealthReport report = health.report();
      assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
      assertThat(report.lastError()).startsWith("recording paused: 0.5 GB free on ");
    }
  }

  @Test
  void retention_deletes_the_oldest_finished_segments_and_never_the_one_being_written() throws Exception {
    RecordingPolicy policy = RecordingPolicy.defaults().withKeep(Duration.ofSeconds(3), 0)
        .withCheckEvery(Duration.ofMillis(200));
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("rec.mkv"), SEGMENT,
        policy))).withSize(320, 180);
    try (Streamer streamer = new Streamer(config, new TestPatternSource(320, 180));
         LogCapture retention = new LogCapture(SegmentRetention.class)) {
      streamer.start();
      long started = System.nanoTime();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
        Map<String, Long> now = segments();
        // whatever the moment, the newest segment (the one open) is there
        assertThat(now).isNotEmpty();
        return now.containsKey("rec-006.mkv");
      });
      long ranMs = (System.nanoTime() - started) / 1_000_000;
      Map<String, Long> kept = segments();
      assertThat(kept).doesNotContainKeys("rec-000.mkv", "rec-001.mkv", "rec-002.mkv");
      assertThat(kept).containsKey("rec-006.mkv");
      assertThat(retention.lines()).anyMatch(l -> l.startsWith("INFO recording: deleted rec-000.mkv (")
          && l.endsWith("older than 3s"));
      JsonObject disk = destination(streamer, 0).getJsonObject("disk");
      assertThat(disk.getLong("deletedSegments")).isGreaterThanOrEqualTo(3);
      streamer.close();
      Map<String, Long> left = segments();
      String newest = ((TreeMap<String, Long>) left).lastKey();
      assertThat(number(newest)).isGreaterThanOrEqualTo(6);
      assertThat(Ffmpeg.probe(dir.resolve(newest)).frameCount()).isPositive();
      System.out.printf("retention: %d segment(s) deleted in %.1f s of 2 s segments kept 3 s; left %s%n",
          disk.getLong("deletedSegments"), ranMs / 1000.0, left.keySet());
    }
  }

  @Test
  void a_segment_whose_first_write_fails_is_removed_and_the_recording_goes_on() throws Exception {
    // /dev/full answers every write with ENOSPC, as a full disk does: the segment muxer's next file points there
    RecordingPolicy policy = RecordingPolicy.defaults().withCheckEvery(Duration.ofMillis(250));
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("rec.mkv"), SEGMENT,
            policy))).withSize(320, 180).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(1));
    try (Streamer streamer = new Streamer(config, new TestPatternSource(320, 180));
         LogCapture disk = new LogCapture(RecordingDisk.class)) {
      streamer.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> segments().containsKey("rec-000.mkv"));
      Path next = dir.resolve("rec-001.mkv");
      Files.createSymbolicLink(next, Path.of("/dev/full"));
      long linked = System.nanoTime();
      await().atMost(Duration.ofSeconds(60)).until(() -> destination(streamer, 0).getLong("reconnects") >= 1);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> Files.isRegularFile(next, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              && Files.size(next) > 0 && state(streamer, 0).equals("live"));
      long recoveredMs = (System.nanoTime() - linked) / 1_000_000;
      assertThat(destination(streamer, 0).getString("lastError")).isNull();
      assertThat(disk.lines()).contains("INFO recording: removed the empty segment rec-001.mkv (nothing could be "
          + "written to it)");
      await().atMost(Duration.ofSeconds(20)).until(() -> segments().containsKey("rec-002.mkv"));
      streamer.close();
      assertThat(segments().values()).as("no 0-byte file").allMatch(size -> size > 0);
      assertThat(Ffmpeg.probe(dir.resolve("rec-000.mkv")).frameCount()).isPositive();
      assertThat(Ffmpeg.probe(next).frameCount()).isPositive();
      System.out.printf("a segment on a disk that refuses writes: removed and recorded again in %d ms%n", recoveredMs);
    }
  }

  /** The recording's segment files by name, with their sizes. */
  private Map<String, Long> segments() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("rec-")) {
          out.put(name, Files.size(p));
        }
      }
    }
    return out;
  }

  private static int number(String segment) {
    return Integer.parseInt(segment.substring(4, 7));
  }

  private static JsonObject destination(Streamer streamer, int index) {
    return streamer.status().getJsonArray("destinations").getJsonObject(index);
  }

  private static String state(Streamer streamer, int index) {
    return destination(streamer, index).getString("state");
  }

  private static long ingestBytes(Streamer streamer) {
    return streamer.outputs().get(0).bytes();
  }

  private static long freeShown(Streamer streamer) {
    Long free = destination(streamer, 1).getJsonObject("disk").getLong("freeBytes");
    return free == null ? -1 : free;
  }

  /** Seat 210's real 2021 result, declared. */
  private static ScrapeBatch declared(int seat) {
    ElectionData wb = ElectionData.westBengal2021();
    List<SnapshotCandidate> candidates = wb.finals().get(seat).candidates().stream()
        .map((CandidateResult c) -> new SnapshotCandidate(c.candidate(), c.party(), c.votes(), 0, c.votes())).toList();
    Instant at = Instant.parse("2021-05-02T10:00:00Z");
    return new ScrapeBatch("S25", List.of(new Snapshot(seat, SeatStatus.DECLARED, 20, 20, candidates, at, at,
        "https://results.example/" + seat, false)), List.of());
  }
}
