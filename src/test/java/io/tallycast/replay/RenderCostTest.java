package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a full scrape cycle costs the site: rendering every page cold at a new simulated moment (index, party summary,
 * live JSON, 15 list pages, 294 cards pages and 294 table pages), and serving them again from the cache. Printed for
 * the record; the bounds only catch a gross regression.
 */
class RenderCostTest {

  @Test
  void rendering_all_pages_is_cheap_and_polling_unchanged_pages_costs_only_a_lookup() {
    SyntheticCounting model = new SyntheticCounting(ReplayTestSupport.westBengal(), 2021);
    PageStore warmup = new PageStore(model);
    List<PageRef> pages = allPages(warmup, model);
    renderAll(warmup, pages, 3600); // JIT warm-up
    renderAll(warmup, pages, 5 * 3600);
    long coldNanos = 0;
    long bytes = 0;
    int moments = 0;
    for (long t = 0; t <= model.totalDurationSeconds(); t += 1800) {
      PageStore store = new PageStore(model);
      long started = System.nanoTime();
      bytes = renderAll(store, pages, t);
      coldNanos += System.nanoTime() - started;
      moments++;
    }
    PageStore store = new PageStore(model);
    renderAll(store, pages, 6 * 3600);
    long started = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      renderAll(store, pages, 6 * 3600);
    }
    long cachedNanos = (System.nanoTime() - started) / 10;
    double coldMs = coldNanos / 1e6 / moments;
    System.out.printf("replay render: all %d pages (%d KB) cold %.1f ms, cached %.2f ms%n",
        pages.size(), bytes / 1024, coldMs, cachedNanos / 1e6);
    assertThat(pages).hasSize(3 + 15 + 2 * 294);
    assertThat(coldMs).isLessThan(1000);
    assertThat(cachedNanos / 1e6).isLessThan(100);
  }

  private static List<PageRef> allPages(PageStore store, CountingModel model) {
    List<PageRef> all = new ArrayList<>(List.of(PageRef.INDEX, PageRef.PARTY, PageRef.LIVE_JSON));
    for (int p = 1; p <= store.pageCount(); p++) {
      all.add(PageRef.list(p));
    }
    for (int seat : model.seatNumbers()) {
      all.add(PageRef.candidates(seat));
      all.add(PageRef.constituency(seat));
    }
    return all;
  }

  private static long renderAll(PageStore store, List<PageRef> pages, double t) {
    long bytes = 0;
    for (PageRef page : pages) {
      bytes += store.page(page, t).body().length;
    }
    return bytes;
  }
}
