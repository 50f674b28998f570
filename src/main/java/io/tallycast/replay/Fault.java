package io.tallycast.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One injected fault, as switched on over {@code PUT /_replay/faults/{name}}.
 *
 * @param delayMs how long {@code slow} holds each answer
 * @param seats   seat pages the fault is limited to; empty = every seat page
 * @param pages   which pages: {@code all}, {@code list} (the pages of the whole state: state-wise list pages, the party
 *                summary, the live JSON), {@code statewise} (the state-wise list pages only), {@code json} (the live
 *                JSON only), {@code party} (the party summary only) or {@code seat} (a seat's cards and table pages)
 */
public record Fault(String name, long delayMs, Set<Integer> seats, Pages pages) {
  public static final String HTTP_500 = "http-500";
  public static final String SLOW = "slow";
  public static final String TIMEOUT = "timeout";
  public static final String TRUNCATED = "truncated";
  public static final String GARBAGE = "garbage";
  public static final String WRONG_SEAT = "wrong-seat";
  public static final String VOTES_DOWN = "votes-down";
  public static final String REQUIRE_BROWSER_HEADERS = "require-browser-headers";
  /** 404: the page is not there (a site that serves no live JSON, a page taken down). */
  public static final String NOT_FOUND = "not-found";
  /** The page stays as it was when the fault was switched on: a stale cache in front of the site. */
  public static final String FROZEN = "frozen";
  public static final List<String> NAMES = List.of(HTTP_500, SLOW, TIMEOUT, TRUNCATED, GARBAGE, WRONG_SEAT, VOTES_DOWN,
      REQUIRE_BROWSER_HEADERS, NOT_FOUND, FROZEN);
  static final long DEFAULT_DELAY_MS = 3000;

  public enum Pages { ALL, LIST, STATEWISE, JSON, PARTY, SEAT }

  public Fault {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown fault '" + name + "'; known: " + NAMES);
    }
    if (delayMs < 0) {
      throw new IllegalArgumentException("delayMs must not be negative");
    }
    seats = Set.copyOf(new TreeSet<>(seats == null ? Set.of() : seats));
    pages = pages == null ? defaultPages(name) : pages;
  }

  /** The fault with its defaults: {@code slow} waits 3 s; wrong-seat and votes-down hit seat pages, others all. */
  public static Fault of(String name) {
    return new Fault(name, DEFAULT_DELAY_MS, Set.of(), null);
  }

  /** From the control API's JSON body {"delayMs":n, "seats":[..], "pages":"all|list|seat"}; null = defaults. */
  public static Fault fromJson(String name, JsonObject body) {
    if (body == null) {
      return of(name);
    }
    try {
      Number delay = body.getNumber("delayMs", DEFAULT_DELAY_MS);
      JsonArray seatList = body.getJsonArray("seats", new JsonArray());
      Set<Integer> seats = new TreeSet<>();
      for (int i = 0; i < seatList.size(); i++) {
        seats.add(seatList.getInteger(i));
      }
      String pages = body.getString("pages");
      return new Fault(name, delay.longValue(), seats, pages == null ? null : pages(pages));
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("fault options must be {\"delayMs\":n, \"seats\":[numbers], "
          + "\"pages\":\"all|list|statewise|json|party|seat\"}", e);
    }
  }

  private static Pages pages(String text) {
    try {
      return Pages.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"pages\" must be all, list, statewise, json, party or seat, not '" + text
          + "'");
    }
  }

  private static Pages defaultPages(String name) {
    return WRONG_SEAT.equals(name) || VOTES_DOWN.equals(name) ? Pages.SEAT : Pages.ALL;
  }

  /** Whether this fault touches an answer for that page. */
  boolean appliesTo(PageRef page) {
    if ((WRONG_SEAT.equals(name) || VOTES_DOWN.equals(name)) && !page.isSeat()) {
      return false; // they only make sense for a seat's page (cards or table)
    }
    if (pages == Pages.JSON || pages == Pages.PARTY || pages == Pages.STATEWISE) {
      return page.kind() == (pages == Pages.JSON ? PageRef.Kind.LIVE_JSON : pages == Pages.PARTY ? PageRef.Kind.PARTY
          : PageRef.Kind.LIST);
    }
    if (page.isSeat()) {
      return pages != Pages.LIST && (seats.isEmpty() || seats.contains(page.number()));
    }
    return page.isWholeState() ? pages != Pages.SEAT : pages == Pages.ALL;
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("delayMs", delayMs).put("seats", new JsonArray(List.copyOf(seats)))
        .put("pages", pages.name().toLowerCase(Locale.ROOT));
  }
}
