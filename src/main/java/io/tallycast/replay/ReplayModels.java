package io.tallycast.replay;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Timeline;
import java.util.ArrayList;
import java.util.List;

/** The counting day to replay for an embedded election: its recorded day where it has one, else one made up. */
public final class ReplayModels {
  private ReplayModels() {
  }

  /**
   * @param seed makes up the day of an election without a recording; a recorded day does not need one
   */
  public static CountingModel embedded(String id, long seed) {
    ElectionData data = ElectionData.embedded(id);
    return Timeline.isEmbedded(id) ? TimelineCounting.of(data, Timeline.embedded(id))
        : new SyntheticCounting(data, seed);
  }

  /**
   * Every state's counting day of an embedded election ("may2021": five states; "wb2026": one), in its order; each
   * made-up day has a seed of its own, so two states do not count in step.
   */
  public static List<CountingModel> election(Election election, long seed) {
    List<CountingModel> models = new ArrayList<>();
    for (int i = 0; i < election.states().size(); i++) {
      models.add(embedded(election.states().get(i).id(), seed + i));
    }
    return models;
  }

  /** Whether the model replays a real recorded day (as opposed to one made up from the final result). */
  public static boolean recorded(CountingModel model) {
    return model instanceof TimelineCounting;
  }
}
