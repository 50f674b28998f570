package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import io.tallycast.election.Timeline;

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

  /** Whether the model replays a real recorded day (as opposed to one made up from the final result). */
  public static boolean recorded(CountingModel model) {
    return model instanceof TimelineCounting;
  }
}
