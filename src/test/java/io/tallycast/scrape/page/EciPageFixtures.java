package io.tallycast.scrape.page;

import io.tallycast.support.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pages the parser tests read, and a way to alter one in a single, checked place. Real ECI pages are third-party
 * files: they are read from the shared reference data ({@code ../shared/data/eci-pages}, through {@link SharedData},
 * so a clone without it skips those tests), never copied into the project. Only our own pages live under
 * src/test/resources/eci-pages: our reconstruction of the 2026 seat pages.
 */
final class EciPageFixtures {
  static final String KRISHNANAGAR_2024 = "2024-lok-sabha/ConstituencywiseS2512.htm";
  static final String KRISHNANAGAR_2019 = "2019-lok-sabha/ConstituencywiseS2512.htm";
  static final String CARDS = "2024-assembly-fragment/cand-box_fragment_S13_2024_UNATTRIBUTED.html";
  /** Tamil Nadu's state-wise list, page 1 of 12, 12:45 PM on 4 May 2026. */
  static final String TN_LIST_PAGE_1 = "2026-assembly/statewiseS221.htm";
  /** The 12 list pages of 12:54-12:57 PM saved one after another in one file (234 rows). */
  static final String TN_LIST_ALL_PAGES = "2026-assembly/statewiseS22-all-pages-concatenated.htm";
  static final String TN_PARTY_1240 = "2026-assembly/partywiseresult-S22-1240.htm";
  static final String TN_PARTY_1712 = "2026-assembly/partywiseresult-S22-1712.htm";
  /** ECI's final live JSON of the night for the five 2026 states. */
  static final String LIVE_JSON = "2026-assembly/election-json-live-final.json";

  static final String HABRA_2026_TABLE = "reconstructed-2026/ConstituencywiseS25100.htm";
  static final String HABRA_2026_CARDS = "reconstructed-2026/candidateswise-S25100.htm";

  private static final Pattern DOCTYPE = Pattern.compile("(?i)(?=<!doctype)");

  private EciPageFixtures() {
  }

  /** A page by its path under eci-pages: our own from the test resources, a real one from the shared data. */
  static String page(String name) {
    if (!name.startsWith("reconstructed-2026/")) {
      return SharedData.text("eci-pages/" + name);
    }
    try (InputStream in = EciPageFixtures.class.getResourceAsStream("/eci-pages/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test page " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of several saved pages, split where each {@code <!doctype} begins. */
  static List<String> splitPages(String file) {
    List<String> pages = new ArrayList<>();
    for (String part : DOCTYPE.split(file)) {
      if (!part.isBlank()) {
        pages.add(part);
      }
    }
    return pages;
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
