package io.tallycast.scrape;

import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.PageFormatException;
import io.tallycast.scrape.page.PageIdentity;
import io.tallycast.scrape.page.PageKind;
import io.tallycast.scrape.page.ParsedListPage;
import io.tallycast.scrape.page.ParsedLiveResults;
import io.tallycast.scrape.page.ParsedPartySummary;
import io.tallycast.scrape.page.ParsedSeatPage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The operator's dry run before the night: from one URL of the results site (its folder, its index, or any of its
 * pages), reads each page type the scraper needs once, in turn, and says what it recognises (kind, layout, state,
 * seats, last update) and what it cannot read and why. Read-only and polite: one request at a time.
 */
public final class SiteCheck {
  /** Page names carry ECI's state code: S25 (a state) or U07 (a union territory). */
  private static final Pattern STATE_IN_NAME = Pattern.compile(
      "(?:statewise|partywiseresult-|election-json-|Constituencywise|candidateswise-)([SU]\\d{2})");

  /** One answer of the site. */
  public record Answer(int status, String body) {
  }

  /** Gets one URL; the caller sets the manners (browser-like headers, timeouts). */
  public interface Fetch {
    Answer get(String url) throws IOException;
  }

  /** One page checked: {@code ok} with what was read, or why not. */
  public record Line(String page, boolean ok, String what) {
  }

  /** All pages checked; {@code usable} when the list and a constituency page can be read: scraping can start. */
  public record Report(List<Line> lines, boolean usable, String verdict) {
  }

  /** Between two requests of the check. */
  static final long PAUSE_MS = 250;

  private final Fetch fetch;
  private final List<Line> lines = new ArrayList<>();
  private int requests;

  public SiteCheck(Fetch fetch) {
    this.fetch = fetch;
  }

  public Report run(String url) {
    URI uri = URI.create(url);
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    String folder = url.substring(0, url.length() - path.length() + path.lastIndexOf('/') + 1);
    String name = path.substring(path.lastIndexOf('/') + 1);
    Set<String> states = new LinkedHashSet<>();
    Matcher inName = STATE_IN_NAME.matcher(name);
    if (inName.find()) {
      states.add(inName.group(1));
      if (check(folder, name) == null) {
        return verdict(false, "the page given is not one tallycast can read");
      }
    } else {
      String entry = name.isEmpty() ? "index.htm" : name;
      String body = fetchLine(folder, entry);
      if (body == null) {
        return verdict(false, "the entry page could not be fetched");
      }
      for (Element a : Jsoup.parse(body).select("a[href]")) {
        Matcher m = STATE_IN_NAME.matcher(a.attr("href"));
        if (m.find()) {
          states.add(m.group(1));
        }
      }
      lines.add(new Line(entry, !states.isEmpty(), states.isEmpty() ? "links to no results page of any state"
          : "entry page: links to " + states.size() + " state(s) " + states));
    }
    boolean usable = !states.isEmpty();
    for (String state : states) {
      usable &= checkState(folder, state);
    }
    return verdict(usable, usable ? "every page type the scraper needs was read: scraping can start"
        : "something the scraper needs cannot be read (see above)");
  }

  /** The list pages and a constituency page are needed; the party-wise page and the live JSON help. */
  private boolean checkState(String folder, String state) {
    Object list = check(folder, "statewise" + state + "1.htm");
    check(folder, "partywiseresult-" + state + ".htm");
    check(folder, "election-json-" + state + "-live.json");
    if (!(list instanceof ParsedListPage page) || page.rows().isEmpty()) {
      return false;
    }
    int seat = page.rows().get(0).seatNo();
    boolean table = check(folder, "Constituencywise" + state + seat + ".htm") != null;
    boolean cards = check(folder, "candidateswise-" + state + seat + ".htm") != null;
    return table || cards;
  }

  /** Fetches, identifies and parses one page; adds its line; the parsed page, or null. */
  private Object check(String folder, String name) {
    String body = fetchLine(folder, name);
    if (body == null) {
      return null;
    }
    try {
      PageIdentity page = EciPages.identify(body, folder + name);
      Object parsed = parse(page.kind(), body, folder + name);
      lines.add(new Line(name, true, page.kind().label() + " (" + page.layout() + "): " + describe(parsed)));
      return parsed;
    } catch (PageFormatException e) {
      lines.add(new Line(name, false, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  private String fetchLine(String folder, String name) {
    try {
      if (requests++ > 0) {
        Thread.sleep(PAUSE_MS); // one request at a time, a breath apart: the night's site is busy enough
      }
      Answer answer = fetch.get(folder + name);
      if (answer.status() == 200) {
        return answer.body();
      }
      lines.add(new Line(name, false, "HTTP " + answer.status() + (answer.status() == 404 ? " (the site has no such "
          + "page)" : answer.status() == 403 ? " (the site refuses this client)" : "")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lines.add(new Line(name, false, "not fetched: interrupted"));
    } catch (IOException | RuntimeException e) {
      lines.add(new Line(name, false, "not fetched: " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage())));
    }
    return null;
  }

  private static Object parse(PageKind kind, String body, String url) throws PageFormatException {
    return switch (kind) {
      case LIST -> EciPages.parseListPage(body, url);
      case PARTY_SUMMARY -> EciPages.parsePartySummary(body, url);
      case CONSTITUENCY -> EciPages.parseSeatPage(body, url);
      case LIVE_JSON -> EciPages.parseLiveJson(body, url);
    };
  }

  private static String describe(Object parsed) {
    if (parsed instanceof ParsedListPage p) {
      return (p.state() == null ? "" : p.state() + ", ") + (p.seatsTotal() == null ? "" : p.seatsTotal() + " seats ("
          + p.statusKnown() + " with a known leader), ") + p.rows().size() + " rows on this page"
          + (p.pageCount() == null ? "" : " of " + p.pageCount() + " pages") + ", " + p.lastUpdated()
          + (p.warnings().isEmpty() ? "" : "; " + p.warnings().size() + " warning(s): " + p.warnings().get(0));
    }
    if (parsed instanceof ParsedPartySummary p) {
      return p.rows().size() + " parties" + (p.totalWon() == null ? "" : ", won " + p.totalWon() + ", leading "
          + p.totalLeading()) + ", " + p.lastUpdated();
    }
    if (parsed instanceof ParsedLiveResults p) {
      List<String> per = new ArrayList<>();
      p.states().forEach((state, rows) -> per.add(state + " " + rows.size() + " seats"));
      return String.join(", ", per);
    }
    ParsedSeatPage p = (ParsedSeatPage) parsed;
    return "seat " + p.seatNo() + " " + p.seatName() + ", " + p.candidates().size() + " candidates"
        + (p.roundsDone() == null ? "" : ", round " + p.roundsDone() + "/" + p.roundsTotal())
        + (p.lastUpdated() == null ? "" : ", " + p.lastUpdated());
  }

  private Report verdict(boolean usable, String verdict) {
    return new Report(List.copyOf(lines), usable, verdict);
  }
}
