package io.tallycast.stream.output;

import io.tallycast.util.Quantities;
import java.time.Duration;
import java.util.Locale;

/**
 * What a local recording may take of its disk. Below the free-space floor the recording stops first (the ingests go
 * on) so the results database, usually on the same disk, keeps room to write; it resumes with a new segment once free
 * space is back above floor + {@code resumeMargin} (without the margin, the space freed would be taken back within
 * seconds and the two would take turns failing). Finished segments older than {@code keepAge} or beyond
 * {@code keepBytes} in all are deleted, oldest first.
 *
 * @param floorBytes   the floor as a size, used when {@code floorPercent} is 0
 * @param floorPercent the floor as a share of the file system (e.g. 5), 0 = use {@code floorBytes}
 * @param keepAge      finished segments older than this are deleted; null or zero = kept whatever their age
 * @param keepBytes    the oldest finished segments are deleted while all of them take more; 0 = no size limit
 * @param checkEvery   how often free space is read and retention applied (off the event loop)
 * @param freeSpace    where free space is read (the real file system but in tests)
 */
public record RecordingPolicy(long floorBytes, double floorPercent, long resumeMarginBytes, Duration keepAge,
                              long keepBytes, Duration checkEvery, FreeSpace freeSpace) {
  public static final long MIB = 1L << 20;
  public static final long GIB = 1L << 30;
  public static final String DEFAULT_FLOOR = "1G";
  public static final String DEFAULT_KEEP = "24h";

  public RecordingPolicy {
    if (floorBytes < 0 || floorPercent < 0 || floorPercent >= 100 || resumeMarginBytes < 0 || keepBytes < 0) {
      throw new IllegalArgumentException("the disk floor, its margin and the size kept cannot be negative "
          + "(and the floor is under 100%)");
    }
    keepAge = keepAge == null || keepAge.isZero() ? null : keepAge;
    if (keepAge != null && keepAge.isNegative()) {
      throw new IllegalArgumentException("recordings are kept for a positive time: " + keepAge);
    }
    if (checkEvery == null || checkEvery.toMillis() <= 0) {
      throw new IllegalArgumentException("the disk check needs a positive period");
    }
    freeSpace = freeSpace == null ? FreeSpace.REAL : freeSpace;
  }

  /**
   * A floor of 1 GiB, resumed at 1.5 GiB (about 15 minutes of 1080p recording at 2 GB an hour), checked every 2 s (the
   * recording writes about 1 MB in that time), segments kept 24 h.
   */
  public static RecordingPolicy defaults() {
    return parse(DEFAULT_FLOOR, DEFAULT_KEEP, null);
  }

  /**
   * The options as people write them, parsed once.
   *
   * @param floor    "1G", "500M" or "5%"
   * @param keepAge  "24h", "90m"; "0" or "all" keeps every segment
   * @param keepSize "50G"; null, "0" or "all" sets no size limit
   */
  public static RecordingPolicy parse(String floor, String keepAge, String keepSize) {
    String f = (floor == null ? DEFAULT_FLOOR : floor).strip();
    long bytes = 0;
    double percent = 0;
    if (f.endsWith("%")) {
      percent = Double.parseDouble(f.substring(0, f.length() - 1).strip());
    } else {
      bytes = Quantities.parseBytes(f);
    }
    Duration age = keepAge == null || all(keepAge) ? null : Quantities.parseDuration(keepAge);
    long size = keepSize == null || all(keepSize) ? 0 : Quantities.parseBytes(keepSize);
    return new RecordingPolicy(bytes, percent, GIB / 2, age, size, Duration.ofSeconds(2), FreeSpace.REAL);
  }

  private static boolean all(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.equals("0") || t.equals("all");
  }

  /** The floor in bytes on a file system of {@code total} bytes. */
  public long floor(long total) {
    return floorPercent > 0 ? (long) (total * floorPercent / 100) : floorBytes;
  }

  public RecordingPolicy withFreeSpace(FreeSpace probe) {
    return new RecordingPolicy(floorBytes, floorPercent, resumeMarginBytes, keepAge, keepBytes, checkEvery, probe);
  }

  public RecordingPolicy withFloor(long bytes, long resumeMargin) {
    return new RecordingPolicy(bytes, 0, resumeMargin, keepAge, keepBytes, checkEvery, freeSpace);
  }

  public RecordingPolicy withKeep(Duration age, long bytes) {
    return new RecordingPolicy(floorBytes, floorPercent, resumeMarginBytes, age, bytes, checkEvery, freeSpace);
  }

  public RecordingPolicy withCheckEvery(Duration period) {
    return new RecordingPolicy(floorBytes, floorPercent, resumeMarginBytes, keepAge, keepBytes, period, freeSpace);
  }

  /** For logs, health and the demo's banner: "floor 1.0 GB, keep 24h". */
  public String describe() {
    String f = floorPercent > 0 ? fmtPercent(floorPercent) + "% of the disk" : size(floorBytes);
    String keep = keepAge == null && keepBytes == 0 ? "keep all"
        : "keep " + (keepAge == null ? "" : Quantities.format(keepAge))
            + (keepAge != null && keepBytes > 0 ? " and " : "") + (keepBytes > 0 ? size(keepBytes) : "");
    return "floor " + f + ", " + keep;
  }

  private static String fmtPercent(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  /** Sizes the way df -h writes them (binary units), one decimal: "0.4 GB", "350 MB". */
  public static String size(long bytes) {
    if (bytes >= GIB / 10) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GIB);
    }
    return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) MIB));
  }
}
