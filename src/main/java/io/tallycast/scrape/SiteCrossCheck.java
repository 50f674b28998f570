package io.tallycast.scrape;

import io.tallycast.bus.StoredTally;
import io.tallycast.election.PartyRegistry;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.ParsedPartySummary;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the site's party-wise summary after each cycle and checks it against the tally we stored
 * ({@link PartyCrossCheck}). A disagreement that lasts is a warning in health and on the console; a page that cannot be
 * read is a warning too, never a reason to stop scraping.
 */
final class SiteCrossCheck {
  private final ScrapeConfig config;
  private final PageFetcher fetcher;
  private final WorkerExecutor workers;
  private final Supplier<Future<StoredTally>> storedTally;
  private final PartyCrossCheck check;
  private ParsedPartySummary site;
  private List<PartyCrossCheck.Difference> differences = List.of();
  private long overridden;
  private String problem;

  SiteCrossCheck(ScrapeConfig config, PageFetcher fetcher, WorkerExecutor workers, PartyRegistry parties,
                 Supplier<Future<StoredTally>> storedTally) {
    this.config = config;
    this.fetcher = fetcher;
    this.workers = workers;
    this.storedTally = storedTally;
    this.check = new PartyCrossCheck(parties);
  }

  /** Never fails: the outcome is in {@link #warning()}. */
  Future<Void> run() {
    problem = null;
    if (!config.partyCheck()) {
      return Future.succeededFuture();
    }
    String url = config.partySummaryUrl();
    return storedTally.get().compose(stored -> {
      overridden = stored.overriddenSeats();
      if (stored.byParty().isEmpty()) {
        return Future.succeededFuture(); // before the first trend the site's summary has no rows to check
      }
      return fetcher.get(url).compose(fetched -> {
        if (fetched.notModified() && site != null) {
          return Future.succeededFuture(site);
        }
        if (fetched.notModified()) {
          fetcher.forget(url);
          return Future.failedFuture(new ScrapeException(url, "304 for a page never read; asking again in full"));
        }
        return workers.executeBlocking(() -> EciPages.parsePartySummary(fetched.body(), url), false);
      }).map(summary -> {
        site = summary;
        differences = check.check(site, stored);
        return (Void) null;
      });
    }).recover(e -> {
      fetcher.forget(url);
      problem = "party-wise summary not checked: " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage());
      return Future.succeededFuture();
    });
  }

  /** A lasting disagreement or an unreadable page, as one line for the operator; null when all agrees. */
  String warning() {
    if (problem != null) {
      return problem;
    }
    if (differences.isEmpty() || PartyCrossCheck.seatsApart(differences) <= 2 * overridden) {
      return null; // nothing apart, or no more than the seats an operator has overridden on purpose
    }
    return "the site's party-wise summary disagrees with our tally for " + PartyCrossCheck.CYCLES_TO_WARN
        + "+ cycles: " + String.join("; ", differences.stream().map(Object::toString).toList());
  }

  JsonObject toJson() {
    JsonArray diffs = new JsonArray();
    differences.forEach(d -> diffs.add(new JsonObject().put("party", d.party()).put("siteWon", d.siteWon())
        .put("siteLeading", d.siteLeading()).put("ourWon", d.ourWon()).put("ourLeading", d.ourLeading())));
    return new JsonObject().put("enabled", config.partyCheck()).put("read", site != null)
        .put("agrees", site != null && differences.isEmpty() && problem == null).put("differences", diffs)
        .put("overriddenSeats", overridden);
  }
}
