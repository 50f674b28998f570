package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a full scrape cycle costs the site: rendering every page cold at a new simulated moment, and serving
 * them again from the cache. Printed for the record; the bounds only catch a gross regression.
 */
class RenderCostTest {

  @Test
  void rendering_all_pages_is_cheap_and_polling_unchanged_pages_costs_only_a_lookup() {
    SyntheticCounting model = new SyntheticCounting(ReplayTestSupport.westBengal(), 2021);
    PageStore warmup = new PageStore(model);
    renderAll(warmup, model, 3600); // JIT warm-up
    renderAll(warmup, model, 5 * 3600);
    long coldNanos = 0;
    long bytes = 0;
    int moments = 0;
    for (long t = 0; t <= model.totalDurationSeconds(); t += 1800) {
      PageStore store = new PageStore(model);
      long started = System.nanoTime();
      bytes = renderAll(store, model, t);
      coldNanos += System.nanoTime() - started;
      moments++;
    }
    PageStore store = new PageStore(model);
    renderAll(store, model, 6 * 3600);
    long started = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      renderAll(store, model, 6 * 3600);
    }
    long cachedNanos = (System.nanoTime() - started) / 10;
    double coldMs = coldNanos / 1e6 / moments;
    System.out.printf("replay render: all %d pages (%d KB) cold %.1f ms, cached %.2f ms%n",
        2 + 15 + model.seatNumbers().size(), bytes / 1024, coldMs, cachedNanos / 1e6);
    assertThat(coldMs).isLessThan(1000);
    assertThat(cachedNanos / 1e6).isLessThan(100);
  }

  private static long renderAll(PageStore store, CountingModel model, double t) {
    long bytes = store.page(PageRef.INDEX, t).body().length + store.page(PageRef.PARTY, t).body().length;
    for (int p = 1; p <= store.pageCount(); p++) {
      bytes += store.page(PageRef.list(p), t).body().length;
    }
    for (int seat : model.seatNumbers()) {
      bytes += store.page(PageRef.seat(seat), t).body().length;
    }
    return bytes;
  }
}
