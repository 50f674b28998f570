package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of every state the site serves, one {@link PageStore} each, under one prefix as ECI's site has them: a
 * page's state is in its file name (statewiseS031.htm is Assam's, ConstituencywiseU0712.htm Puducherry's).
 */
final class SitePages {
  /** A page of one state's store. */
  record Found(PageStore store, PageRef ref) {
  }

  private final Map<String, PageStore> byState = new LinkedHashMap<>();

  SitePages(List<CountingModel> models) {
    List<ElectionData> states = models.stream().map(CountingModel::data).toList();
    for (CountingModel model : models) {
      if (byState.put(model.data().stateCode(), new PageStore(model, states)) != null) {
        throw new IllegalArgumentException("state " + model.data().stateCode() + " is replayed twice");
      }
    }
  }

  /** The page a file name asks for, or null when the site has no such page; the index is the first state's store's. */
  Found resolve(String fileName) {
    for (PageStore store : byState.values()) {
      PageRef ref = store.resolve(fileName);
      if (ref != null && (ref.kind() != PageRef.Kind.INDEX || store == first())) {
        return new Found(store, ref);
      }
    }
    return null;
  }

  PageStore first() {
    return byState.values().iterator().next();
  }

  PageStore of(String state) {
    PageStore store = byState.get(state);
    if (store == null) {
      throw new IllegalArgumentException("the replay site has no state " + state + " (it has " + byState.keySet()
          + ")");
    }
    return store;
  }

  List<PageStore> all() {
    return List.copyOf(byState.values());
  }
}
