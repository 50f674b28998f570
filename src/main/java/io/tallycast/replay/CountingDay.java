package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The simulated calendar of one counting day: counting starts at 08:00 IST; every page time is IST. */
public record CountingDay(OffsetDateTime start) {
  public static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
  static final LocalTime COUNTING_STARTS = LocalTime.of(8, 0);

  private static final DateTimeFormatter PAGE_TIME =
      DateTimeFormatter.ofPattern("hh:mm a 'On' dd/MM/yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of("GMT")).withLocale(Locale.ENGLISH);

  /** 08:00 IST on the given day. */
  public static CountingDay on(LocalDate date) {
    return new CountingDay(OffsetDateTime.of(date, COUNTING_STARTS, IST));
  }

  /** The election's counting day (2 May 2021 when the data does not say). */
  public static CountingDay of(ElectionData data) {
    return on(data.countingDay() == null ? LocalDate.of(2021, 5, 2) : data.countingDay());
  }

  public OffsetDateTime at(double elapsedSeconds) {
    return start.plusNanos(Math.round(elapsedSeconds * 1_000_000_000d));
  }

  public Instant instantAt(long elapsedSeconds) {
    return start.toInstant().plusSeconds(elapsedSeconds);
  }

  /** Simulated seconds since the start at that instant (negative before it). */
  public long secondsAt(Instant instant) {
    return instant.getEpochSecond() - start.toInstant().getEpochSecond();
  }

  /** ECI's 2026 wording, "12:45 PM On 04/05/2026": what follows "Last Updated at" (in a span on 2026 pages). */
  public String pageTime(long elapsedSeconds) {
    return PAGE_TIME.format(start.plusSeconds(elapsedSeconds));
  }

  public String httpDate(long elapsedSeconds) {
    return HTTP_DATE.format(instantAt(elapsedSeconds));
  }

  /** "May-2021", as in ECI's page heading. */
  public String monthYear() {
    return DateTimeFormatter.ofPattern("MMMM-yyyy", Locale.ENGLISH).format(start);
  }
}
