package io.tallycast.scrape;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Runs async work over a list with at most {@code limit} in flight; every outcome is kept, failures included. */
final class Bounded {
  private Bounded() {
  }

  static <T, R> Future<List<AsyncResult<R>>> each(List<T> items, int limit, Function<T, Future<R>> work) {
    @SuppressWarnings("unchecked")
    AsyncResult<R>[] outcomes = new AsyncResult[items.size()];
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(limit, items.size()); lane++) {
      Future<Void> chain = Future.succeededFuture();
      for (int i = lane; i < items.size(); i += limit) {
        int index = i;
        chain = chain.transform(ignored -> start(work, items.get(index))
            .transform(outcome -> {
              outcomes[index] = outcome;
              return Future.<Void>succeededFuture();
            }));
      }
      lanes.add(chain);
    }
    return Future.join(lanes).transform(ignored -> Future.succeededFuture(Arrays.asList(outcomes)));
  }

  private static <T, R> Future<R> start(Function<T, Future<R>> work, T item) {
    try {
      return work.apply(item);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
