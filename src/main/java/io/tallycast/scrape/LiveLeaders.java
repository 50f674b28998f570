package io.tallycast.scrape;

import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.ParsedLiveRow;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * ECI's live JSON (election-json-S25-live.json): every seat's leader in one small file, read first each cycle. A seat
 * whose leader changed since the last file is read at once, even before the state-wise list shows it (the list pages
 * are cached and updated apart). Only a hint: the list pages stay the authority on rounds and status, the seat pages
 * on votes. A site that serves no such file, or a file that is malformed or stale, costs nothing but the hint.
 */
final class LiveLeaders {
  /** A site without the file is asked again this many cycles later, in case it appears during the night. */
  static final int RETRY_ABSENT_AFTER_CYCLES = 30;

  private final ScrapeConfig config;
  private final PageFetcher fetcher;
  private final WorkerExecutor workers;
  private Map<Integer, String> leaders;
  private String state = "not read yet";
  private String problem;
  private long cycle;
  private long absentSince = -1;
  private int leadsChanged;

  LiveLeaders(ScrapeConfig config, PageFetcher fetcher, WorkerExecutor workers) {
    this.config = config;
    this.fetcher = fetcher;
    this.workers = workers;
  }

  /** The seats whose leader changed since the last readable file; never fails (a problem only costs the hint). */
  Future<Set<Integer>> read() {
    cycle++;
    problem = null;
    if (!config.liveJson() || absentSince >= 0 && cycle - absentSince < RETRY_ABSENT_AFTER_CYCLES) {
      return Future.succeededFuture(Set.of());
    }
    String url = config.liveJsonUrl();
    return fetcher.get(url).compose(fetched -> {
      absentSince = -1;
      if (fetched.notModified() && leaders != null) {
        state = "unchanged";
        return Future.succeededFuture(Set.<Integer>of());
      }
      if (fetched.notModified()) {
        fetcher.forget(url);
        return Future.succeededFuture(Set.<Integer>of());
      }
      return workers.executeBlocking(() -> EciPages.parseLiveJson(fetched.body(), url).rows(config.eciState()), false)
          .map(this::changedSince);
    }).recover(e -> {
      fetcher.forget(url);
      if (e instanceof ScrapeException s && (s.httpStatus() == 404 || s.httpStatus() == 410)) {
        absentSince = cycle;
        state = "not served by this site: reading the list pages only";
      } else {
        state = "unreadable";
        problem = "live JSON unusable, reading the list pages only: " + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage()) + (e instanceof ScrapeException ? "" : " [" + url + "]");
      }
      return Future.succeededFuture(Set.of());
    });
  }

  private Set<Integer> changedSince(List<ParsedLiveRow> rows) {
    if (rows.isEmpty()) {
      state = "unreadable";
      problem = "live JSON holds no " + config.eciState() + ": reading the list pages only [" + config.liveJsonUrl()
          + "]";
      return Set.of();
    }
    Map<Integer, String> now = new HashMap<>();
    for (ParsedLiveRow row : rows) {
      now.put(row.seat(), row.hasLeader() ? row.party() + "\u0000" + row.leader() : "");
    }
    Set<Integer> changed = new TreeSet<>();
    if (leaders != null) {
      now.forEach((seat, leader) -> {
        if (!Objects.equals(leaders.get(seat), leader)) {
          changed.add(seat);
        }
      });
    }
    leaders = now;
    leadsChanged += changed.size();
    state = "read";
    return changed;
  }

  /** What went wrong in this cycle's read, or null. */
  String problem() {
    return problem;
  }

  JsonObject toJson() {
    return new JsonObject().put("enabled", config.liveJson()).put("state", state)
        .put("seats", leaders == null ? 0 : leaders.size()).put("leadChangesSeen", leadsChanged);
  }
}
