package io.tallycast.scrape.page;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's "Last Updated at 08:55 am On 05/06/2024" line: the source's own clock, Indian Standard Time. The date
 * order differs between eras (2019 month first, 2024 and 2026 day first), so each layout says which one it writes;
 * 2026 writes "PM" in capitals and puts the time in a span ("Last Updated at {@code <span>12:45 PM On
 * 04/05/2026</span>}"), which reads the same once the text is taken.
 */
final class LastUpdated {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  /** 2024, 2026 and the replay site: "08:55 am On 05/06/2024" is 5 June. */
  static final DateTimeFormatter DAY_FIRST = formatter("dd/MM/uuuu");
  /** 2019: "08:10:02 pm On 05/24/2019" is 24 May. */
  static final DateTimeFormatter MONTH_FIRST = formatter("MM/dd/uuuu");

  private static final String MARK = "Last Updated";
  // Applied only to the one short line, never to the document.
  private static final Pattern STAMP = Pattern.compile(
      "Last Updated at ?(\\d{1,2}:\\d{2}(?::\\d{2})?) ?([AaPp][Mm]) On (\\d{1,2}/\\d{1,2}/\\d{4})");

  /** The line as shown and the instant it names. */
  record Stamp(String text, Instant time) {
  }

  private LastUpdated() {
  }

  private static DateTimeFormatter formatter(String date) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("h:mm[:ss] a 'On' " + date)
        .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The stamp, required: it sits below every table, so a page without it was cut short.
   *
   * @param selector where the layout puts the line; the whole page is searched when nothing matches there
   */
  static Stamp require(Document doc, String selector, DateTimeFormatter format) throws PageFormatException {
    Stamp stamp = find(doc, selector, format);
    if (stamp == null) {
      throw new PageFormatException("no 'Last Updated at ...' line on page (truncated?)");
    }
    return stamp;
  }

  /** The stamp, or null when the page has no such line (a line that is there but unreadable is still an error). */
  static Stamp find(Document doc, String selector, DateTimeFormatter format) throws PageFormatException {
    String line = null;
    for (Element e : doc.select(selector)) {
      String t = PageText.of(e);
      if (t.contains(MARK)) {
        line = t;
        break;
      }
    }
    if (line == null) {
      Element e = doc.selectFirst(":containsOwn(" + MARK + ")");
      if (e == null) {
        return null;
      }
      line = PageText.of(e);
    }
    return parse(line.substring(line.indexOf(MARK)), format);
  }

  static Stamp parse(String line, DateTimeFormatter format) throws PageFormatException {
    Matcher m = STAMP.matcher(line);
    if (!m.lookingAt()) {
      throw new PageFormatException("cannot read the time in '" + PageText.excerpt(line, 80) + "' (truncated?)");
    }
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + " " + m.group(2) + " On " + m.group(3), format);
      return new Stamp(m.group(), local.atZone(IST).toInstant());
    } catch (DateTimeParseException e) {
      throw new PageFormatException("'" + m.group() + "' is not a valid date and time");
    }
  }
}
