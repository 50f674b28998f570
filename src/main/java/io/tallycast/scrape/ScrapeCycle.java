package io.tallycast.scrape;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.Rejection;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.ParsedListPage;
import io.tallycast.scrape.page.ParsedListRow;
import io.tallycast.scrape.page.ParsedSeatPage;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over the results site: read the state-wise list pages, fetch only the seats whose row changed since the
 * store last accepted them, parse off the event loop, and hand one batch to the store. A seat that failed or was
 * refused keeps its old row, so the next cycle asks for it again: that is how scraping recovers by itself.
 * Runs on one event loop; its maps are touched only from there and from the store's reply.
 */
public final class ScrapeCycle {
  private final ScrapeConfig config;
  private final PageFetcher fetcher;
  private final SnapshotBuilder builder;
  private final WorkerExecutor workers;
  private final Function<ScrapeBatch, Future<ApplyResult>> store;
  private final Pattern listPageLink;
  private final LiveLeaders liveLeaders;
  private final SiteCrossCheck crossCheck;
  private final SeatFreshness freshness;

  private final TreeSet<Integer> listPages = new TreeSet<>();
  private final Map<Integer, List<ParsedListRow>> rowsByPage = new HashMap<>();
  private final Map<Integer, ParsedListRow> acceptedRows = new HashMap<>();
  private final Map<String, ParsedSeatPage> seatPages = new HashMap<>();
  private final Map<String, String> pageHashes = new ConcurrentHashMap<>();

  public ScrapeCycle(ScrapeConfig config, PageFetcher fetcher, SnapshotBuilder builder, WorkerExecutor workers,
              Function<ScrapeBatch, Future<ApplyResult>> store) {
    this(config, fetcher, builder, workers, store, null);
  }

  /** @param crossCheck the party-wise summary checked against the stored tally after each cycle; null = none */
  ScrapeCycle(ScrapeConfig config, PageFetcher fetcher, SnapshotBuilder builder, WorkerExecutor workers,
              Function<ScrapeBatch, Future<ApplyResult>> store, SiteCrossCheck crossCheck) {
    this.config = config;
    this.liveLeaders = new LiveLeaders(config, fetcher, workers);
    this.crossCheck = crossCheck;
    this.fetcher = fetcher;
    this.builder = builder;
    this.workers = workers;
    this.store = store;
    this.freshness = new SeatFreshness(builder.seats(), config.staleAfter());
    this.listPageLink = Pattern.compile("statewise" + config.stateCode() + "(\\d+)\\.htm");
    for (int page = 1; page <= Math.max(1, config.listPages()); page++) {
      listPages.add(page);
    }
  }

  public Future<CycleReport> run() {
    long started = System.nanoTime();
    Cycle cycle = new Cycle();
    // the live JSON first (which leads changed), the list pages (rounds, status), the changed seats' pages (votes)
    return liveLeaders.read()
        .compose(changed -> {
          cycle.leadChanged.addAll(changed);
          addWarning(cycle, liveLeaders.problem());
          return readListPages(cycle, new ArrayList<>(listPages));
        })
        .compose(v -> readSeatPages(cycle))
        .compose(v -> commit(cycle))
        .map(v -> {
          freshness.take(cycle); // only once the batch is stored: a seat is fresh when what we hold is
          return v;
        })
        .compose(v -> crossCheck == null ? Future.<Void>succeededFuture() : crossCheck.run())
        .map(v -> {
          if (crossCheck != null) {
            addWarning(cycle, crossCheck.warning());
          }
          return cycle.report((System.nanoTime() - started) / 1_000_000, config.slowThreshold().toMillis());
        });
  }

  private static void addWarning(Cycle cycle, String warning) {
    if (warning != null) {
      cycle.warnings.add(warning);
    }
  }

  /** The live JSON's and the party-wise check's state, for health. */
  io.vertx.core.json.JsonObject sourcesJson() {
    return new io.vertx.core.json.JsonObject().put("liveJson", liveLeaders.toJson())
        .put("partyCheck", crossCheck == null ? null : crossCheck.toJson());
  }

  /** When each seat was last read from the site, and which failed last cycle. */
  SeatFreshness freshness() {
    return freshness;
  }

  /** Reads the given list pages, then any page their pagination reveals that was not known yet. */
  private Future<Void> readListPages(Cycle cycle, List<Integer> pages) {
    return Bounded.each(pages, config.concurrency(), page -> readListPage(cycle, page)).compose(outcomes -> {
      for (int i = 0; i < pages.size(); i++) {
        AsyncResult<Cycle.ListPageRead> outcome = outcomes.get(i);
        if (outcome.failed()) {
          cycle.listFailed(message(outcome.cause()));
          continue;
        }
        Cycle.ListPageRead read = outcome.result();
        cycle.listRead(read);
        rowsByPage.put(pages.get(i), read.rows());
      }
      List<Integer> discovered = new ArrayList<>();
      for (String link : cycle.links) {
        Matcher m = listPageLink.matcher(link);
        if (m.find() && listPages.add(Integer.parseInt(m.group(1)))) {
          discovered.add(Integer.parseInt(m.group(1)));
        }
      }
      cycle.links.clear();
      return discovered.isEmpty() ? Future.succeededFuture() : readListPages(cycle, discovered);
    });
  }


  private Future<Cycle.ListPageRead> readListPage(Cycle cycle, int page) {
    String url = config.listPageUrl(page);
    return fetcher.get(url).compose(fetched -> {
      cycle.noteAnswer(fetched);
      Instant answered = Instant.now();
      if (fetched.notModified()) {
        List<ParsedListRow> known = rowsByPage.get(page);
        if (known != null) {
          // "not modified" is a read too: every row on the page is confirmed as of this answer
          return Future.succeededFuture(new Cycle.ListPageRead(known, List.of(), true, null, List.of(), answered));
        }
        fetcher.forget(url);
        return Future.failedFuture(new ScrapeException(url, "304 for a page never read; asking again in full"));
      }
      return workers.executeBlocking(() -> {
        ParsedListPage parsed = EciPages.parseListPage(fetched.body(), url);
        return new Cycle.ListPageRead(parsed.rows(), parsed.pageLinks(), false, archive(fetched.url(), fetched.body()),
            parsed.warnings(), answered);
      }, false).recover(e -> failedPage(url, e));
    });
  }

  private Future<Void> readSeatPages(Cycle cycle) {
    List<ParsedListRow> changed = new ArrayList<>();
    for (List<ParsedListRow> rows : rowsByPage.values()) {
      for (ParsedListRow row : rows) {
        // a lead the live JSON saw change is read now, even if the (separately cached) list row is not new yet
        if (!row.equals(acceptedRows.get(row.seatNo())) || cycle.leadChanged.contains(row.seatNo())) {
          changed.add(row);
          cycle.pagesAskedFor.add(row.seatNo());
        }
      }
    }
    return Bounded.each(changed, config.concurrency(), row -> readSeatPage(cycle, row)).map(outcomes -> {
      for (int i = 0; i < changed.size(); i++) {
        if (outcomes.get(i).failed()) {
          cycle.seatFailed(changed.get(i).seatNo(), message(outcomes.get(i).cause()));
        }
      }
      return null;
    });
  }

  private Future<Void> readSeatPage(Cycle cycle, ParsedListRow row) {
    int seat = row.seatNo();
    String url = config.seatPageUrl(seat);
    return fetcher.get(url).compose(fetched -> {
      cycle.noteAnswer(fetched);
      cycle.seatPagesFetched++;
      Instant now = Instant.now();
      if (fetched.notModified() && seatPages.containsKey(url)) {
        cycle.add(row, builder.build(seat, url, seatPages.get(url), row, now), null);
        return Future.succeededFuture();
      }
      if (fetched.notModified()) {
        fetcher.forget(url);
        return Future.failedFuture(new ScrapeException(url, "304 for a page never read; asking again in full"));
      }
      return workers.executeBlocking(() -> {
        ParsedSeatPage page = EciPages.parseSeatPage(fetched.body(), url);
        return new SeatPageRead(page, builder.build(seat, url, page, row, now), archive(fetched.url(), fetched.body()));
      }, false).recover(e -> failedPage(url, e)).map(read -> {
        seatPages.put(url, read.page());
        cycle.add(row, read.snapshot(), read.archive());
        return null;
      });
    });
  }

  private record SeatPageRead(ParsedSeatPage page, Snapshot snapshot, ArchivedPage archive) {
  }

  private Future<Void> commit(Cycle cycle) {
    if (cycle.snapshots.isEmpty() && cycle.archives.isEmpty()) {
      return Future.succeededFuture();
    }
    ScrapeBatch batch = new ScrapeBatch(config.stateCode(), List.copyOf(cycle.snapshots), List.copyOf(cycle.archives));
    return store.apply(batch).<Void>map(result -> {
      // A held seat (an operator override is active) is neither accepted nor refused: not an error, and its row is not
      // remembered, so every cycle offers it again (a conditional GET, usually a 304) and the site's figures apply as
      // soon as the operator releases it, even when its row never changes again.
      Map<Integer, Instant> readAt = new HashMap<>();
      cycle.snapshots.forEach(s -> readAt.put(s.seat(), s.fetchedAt()));
      for (int seat : result.acceptedSeats()) {
        acceptedRows.put(seat, cycle.rows.get(seat));
        cycle.taken.put(seat, readAt.get(seat));
      }
      for (int seat : result.heldSeats()) {
        cycle.taken.put(seat, readAt.get(seat)); // read from the site all right; the operator's figure is on air
      }
      for (Rejection rejection : result.rejections()) {
        String url = config.seatPageUrl(rejection.seat());
        fetcher.forget(url);
        seatPages.remove(url);
        pageHashes.remove(url);
        cycle.seatFailed(rejection.seat(), rejection.reason() + " [" + url + "]");
      }
      cycle.accepted = result.acceptedSeats().size();
      cycle.events = result.events().size();
      return null;
    }).onFailure(e -> {
      // rolled back (a full disk, say): the seats are offered again next cycle as they were never accepted, and the
      // pages archived with them are fetched in full again so that their archive copy is not lost either
      for (ArchivedPage page : cycle.archives) {
        fetcher.forget(page.url());
        pageHashes.remove(page.url());
      }
    });
  }

  /**
   * Reads the seat again next cycle even if its list row has not changed: after an operator override is released, the
   * site's figures must replace the operator's although the site may show nothing new.
   */
  void forget(int seat) {
    acceptedRows.remove(seat);
  }

  /** The raw page, compressed, when it differs from the last one archived for its URL. */
  private ArchivedPage archive(String url, String body) {
    String sha = PageArchiving.sha256(body);
    if (sha.equals(pageHashes.put(url, sha))) {
      return null;
    }
    return new ArchivedPage(url, Instant.now(), sha, PageArchiving.gzip(body));
  }

  private <T> Future<T> failedPage(String url, Throwable e) {
    fetcher.forget(url);
    pageHashes.remove(url);
    return Future.failedFuture(e instanceof ScrapeException ? e : new ScrapeException(url, message(e)));
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
