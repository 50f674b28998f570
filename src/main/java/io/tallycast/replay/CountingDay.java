package io.tallycast.replay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The simulated calendar: counting day starts 08:00 IST on 2 May 2021; all page times are IST. */
final class CountingDay {
  static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
  static final OffsetDateTime START = OffsetDateTime.of(2021, 5, 2, 8, 0, 0, 0, IST);

  private static final DateTimeFormatter PAGE_TIME =
      DateTimeFormatter.ofPattern("hh:mm a 'On' dd/MM/yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of("GMT")).withLocale(Locale.ENGLISH);

  private CountingDay() {
  }

  static OffsetDateTime at(double elapsedSeconds) {
    return START.plusNanos(Math.round(elapsedSeconds * 1_000_000_000d));
  }

  static Instant instantAt(long elapsedSeconds) {
    return START.toInstant().plusSeconds(elapsedSeconds);
  }

  /** ECI's footer wording: "Last Updated at 11:42 am On 02/05/2021" (lower-case am/pm). */
  static String lastUpdated(long elapsedSeconds) {
    String text = PAGE_TIME.format(START.plusSeconds(elapsedSeconds));
    return "Last Updated at " + text.replace(" AM ", " am ").replace(" PM ", " pm ");
  }

  static String httpDate(long elapsedSeconds) {
    return HTTP_DATE.format(instantAt(elapsedSeconds));
  }

  /** "May-2021", as in ECI's page heading. */
  static String monthYear() {
    return DateTimeFormatter.ofPattern("MMMM-yyyy", Locale.ENGLISH).format(START);
  }
}
