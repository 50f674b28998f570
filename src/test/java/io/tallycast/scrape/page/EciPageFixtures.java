package io.tallycast.scrape.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The saved pages under src/test/resources/eci-pages, and a way to alter one in a single, checked place. */
final class EciPageFixtures {
  static final String KRISHNANAGAR_2024 = "2024-lok-sabha/ConstituencywiseS2512.htm";
  static final String KRISHNANAGAR_2019 = "2019-lok-sabha/ConstituencywiseS2512.htm";
  static final String CONTRACT_SEAT = "replay-contract/ConstituencywiseS252.htm";
  static final String CONTRACT_LIST = "replay-contract/statewiseS251.htm";
  static final String CARDS = "2024-assembly-fragment/cand-box_fragment_S13_2024_UNATTRIBUTED.html";

  private EciPageFixtures() {
  }

  static String page(String name) {
    try (InputStream in = EciPageFixtures.class.getResourceAsStream("/eci-pages/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test page " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page with the one occurrence of {@code from} replaced, so a test never alters the wrong spot silently. */
  static String replaceOnce(String page, String from, String to) {
    int at = page.indexOf(from);
    if (at < 0 || page.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + from + "' is not on the page exactly once");
    }
    return page.substring(0, at) + to + page.substring(at + from.length());
  }

  /** The page cut just before the first occurrence of {@code marker}. */
  static String cutBefore(String page, String marker) {
    int at = page.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("'" + marker + "' is not on the page");
    }
    return page.substring(0, at);
  }

  /** The page cut just after the first occurrence of {@code marker}. */
  static String cutAfter(String page, String marker) {
    return cutBefore(page, marker) + marker;
  }
}
