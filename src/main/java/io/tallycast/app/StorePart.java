package io.tallycast.app;

import io.tallycast.store.NightRecord;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.vertx.core.Future;

/**
 * The store: the single SQLite writer (a worker verticle), deployed first; it offers its read side and the night's
 * record to the others.
 */
public final class StorePart implements Part {
  static final String NAME = "store";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return StoreVerticle.deploy(assembly.vertx(), assembly.dataDir(), assembly.election())
        .compose(id -> assembly.vertx().executeBlocking(() -> ResultsReader.open(assembly.dataDir()))
            .map(reader -> {
              assembly.reader(reader);
              return id;
            }))
        .compose(id -> assembly.vertx().executeBlocking(() -> NightRecord.open(assembly.dataDir()))
            .map(night -> {
              assembly.night(night);
              return id;
            }));
  }
}
