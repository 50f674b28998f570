package io.tallycast.report;

import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.Wire;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The night's figures for one broadcast window, as the report shows them and as {@code reports/<key>.json} keeps them
 * (its JSON is this record's, through {@link Wire}): later reports read it back to compare events. Formulas: see
 * {@link AudienceFigures}, {@link StreamFigures} and {@link Jumps}.
 *
 * @param key stable name of this window: re-making a report overwrites its own entry
 * @param broadcastId the broadcast reported, null for a window spanning the stored events (no broadcast)
 * @param channel the broadcast's channel, null without one
 * @param zone the zone the report's clock times are in
 * @param platforms each platform's own figures, empty when no audience was collected
 * @param total the platforms together (zeros when none)
 * @param stream the stream's counters per channel and summed
 * @param platformTotals the platforms' own figures (YouTube Analytics) for this window, shown beside ours
 * @param states the result per state when the report was made
 */
public record Summary(String key, Long broadcastId, String channel, String election, Instant start, Instant end,
                      String zone, Instant made, long timeOnAirSeconds, List<Platform> platforms, Total total,
                      Stream stream, List<Jump> jumps, List<PlatformTotals> platformTotals, List<StateLine> states) {

  /** One platform's audience over the window. */
  public record Platform(String platform, long peak, double average, double minutesWatched, double minutesCovered,
                         int samples) {
  }

  /** All platforms together: the sum of each one's held value (a step function). */
  public record Total(long peak, double average, double minutesWatched, double minutesCovered) {
    static final Total NONE = new Total(0, 0, 0, 0);
  }

  /** One channel's stream counters over the window (restarts of the counters accounted for). */
  public record Channel(String channel, int samples, long dropped, long repeated, long reconnects,
                        long browserRestarts, long encoderChanges) {
  }

  /** The channels' counters and their sum ({@code all} is null when no stream sample was kept). */
  public record Stream(List<Channel> channels, Channel all) {
    static final Stream NONE = new Stream(List.of(), null);
  }

  /**
   * A rise of the total audience, and what the store committed just before it (declarations and lead flips, up to a
   * few; {@code moreEvents} says how many more there were).
   */
  public record Jump(Instant from, Instant to, long fromViewers, long toViewers, List<String> events,
                     int moreEvents) {
  }

  /** A state's result when the report was made: seats declared of all, the majority mark and the leading party. */
  public record StateLine(String state, String name, long seats, long declared, long majority, String party,
                          long won, long leading) {
  }

  public Summary {
    platforms = List.copyOf(platforms);
    jumps = List.copyOf(jumps);
    platformTotals = List.copyOf(platformTotals);
    states = List.copyOf(states);
  }

  public boolean audienceCollected() {
    return !platforms.isEmpty();
  }

  public JsonObject toJson() {
    return Wire.json(this);
  }

  public static Summary fromJson(JsonObject json) {
    return Wire.fromJson(json, Summary.class);
  }

  /** A few plain-text lines for an e-mail body: audience, time on air, the stream's trouble and the results. */
  public String headlineText() {
    ZoneId z = ZoneId.of(zone);
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.UK).withZone(z);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(z);
    List<String> lines = new ArrayList<>();
    lines.add(election + (channel == null ? "" : ", channel " + channel) + ": " + day.format(start) + " to "
        + time.format(end) + " (" + zone + ")");
    lines.add("Time on air: " + duration(timeOnAirSeconds));
    if (platforms.isEmpty()) {
      lines.add("No audience was collected (no platform configured, or none answered).");
    }
    for (Platform p : platforms) {
      lines.add(p.platform() + ": peak " + count(p.peak()) + ", average " + count(p.average()) + ", "
          + count(p.minutesWatched()) + " minutes watched");
    }
    if (platforms.size() > 1) {
      lines.add("All platforms: peak " + count(total.peak()) + ", average " + count(total.average()) + ", "
          + count(total.minutesWatched()) + " minutes watched");
    }
    if (stream.all() == null) {
      lines.add("Stream: no health samples kept.");
    } else {
      lines.add("Stream: " + count(stream.all().dropped()) + " frames dropped, " + count(stream.all().reconnects())
          + " reconnects");
    }
    for (StateLine s : states) {
      lines.add(s.name() + ": " + s.declared() + " of " + s.seats() + " seats declared"
          + (s.party() == null ? "" : "; " + s.party() + " ahead with " + (s.won() + s.leading()) + " (" + s.won()
          + " won, " + s.leading() + " leading), majority " + s.majority()));
    }
    return String.join("\n", lines) + "\n";
  }

  /** A whole number with thousands separators ("18,250"). */
  static String count(double value) {
    return String.format(Locale.UK, "%,d", Math.round(value));
  }

  /** "12 h 05 min", "4 min 10 s". */
  static String duration(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    if (d.toHours() > 0) {
      return String.format(Locale.UK, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
    return String.format(Locale.UK, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }
}
