package io.tallycast.stream.output;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the encoded stream goes: a network ingest (RTMP or RTMPS, FLV inside) or a local recording cut into segments
 * of {@code segment} length (MKV by default: a file cut short by a crash stays playable; MP4 on request).
 *
 * @param url     the ingest URL, secret included; only {@link #shown()} is ever printed
 * @param file    the recording's path (a name like {@code out.mkv} becomes {@code out-000.mkv}, {@code out-001.mkv}...)
 * @param segment the recording's segment length (cut at the first keyframe after it, so a multiple of the GOP)
 * @param policy  the recording's disk policy: free-space floor and retention (null for an ingest)
 */
public record Destination(String url, Path file, Duration segment, RecordingPolicy policy) {
  public static final Duration DEFAULT_SEGMENT = Duration.ofMinutes(10);

  public static Destination ingest(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("rtmp://") && !lower.startsWith("rtmps://")) {
      throw new IllegalArgumentException("an ingest URL starts with rtmp:// or rtmps://: " + Redact.url(url));
    }
    return new Destination(url, null, null, null);
  }

  /** A recording with the default disk policy ({@link RecordingPolicy#defaults()}). */
  public static Destination recording(Path file, Duration segment) {
    return recording(file, segment, RecordingPolicy.defaults());
  }

  public static Destination recording(Path file, Duration segment, RecordingPolicy policy) {
    return new Destination(null, file, segment == null ? DEFAULT_SEGMENT : segment,
        policy == null ? RecordingPolicy.defaults() : policy);
  }

  /** An --out value: an rtmp(s) URL, or a file path; any other URL is refused (shown redacted). */
  public static Destination parse(String out, Duration segment) {
    return parse(out, segment, RecordingPolicy.defaults());
  }

  public static Destination parse(String out, Duration segment, RecordingPolicy policy) {
    return out.contains("://") ? ingest(out) : recording(Path.of(out), segment, policy);
  }

  public boolean network() {
    return url != null;
  }

  /** What logs, health and the console show: the URL with its key masked, or the recording's path. */
  public String shown() {
    return network() ? Redact.url(url) : file.toString();
  }

  /** The container inside a segment: mp4 when the name asks for it, mkv otherwise. */
  String segmentFormat() {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".mp4") ? "mp4" : name.endsWith(".flv") ? "flv" : "matroska";
  }

  /** The segment muxer's file pattern: {@code name-%03d.ext}, numbered from {@code start}. */
  String segmentPattern() {
    return segmentFile("%03d").toString();
  }

  /**
   * The recording's files as people look for them: {@code …/overlay-000.mkv, -001.mkv ... every 10 min} (a restart
   * goes on numbering after the files already there).
   */
  public String segmentNames() {
    String first = segmentFile(String.format(Locale.ROOT, "%03d", 0)).toString();
    String ext = first.substring(first.lastIndexOf("-000") + 4);
    long seconds = segment.toSeconds();
    String every = seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    return first + ", -001" + ext + " ... every " + every;
  }

  private Path segmentFile(String number) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : ".mkv";
    return file.resolveSibling(base + "-" + number + ext);
  }
}
