package io.tallycast.map;

import io.tallycast.election.Election;
import io.tallycast.election.SeatRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map of the whole election, with every state's seat on it: where it is and the number each seat has on it (the
 * Lok Sabha 2024's national map numbers its 543 seats 1..543 in state code and PC order: {@link Ls2024Maps}).
 */
public record NationalMap(MapSource source, Map<SeatRef, Integer> numbers) {
  public NationalMap {
    numbers = Map.copyOf(numbers);
  }

  /** The embedded national map of the Lok Sabha 2024 for an election whose id is ls2024; none otherwise. */
  public static Optional<NationalMap> embeddedFor(Election election) {
    if (!Ls2024Maps.ELECTION.equals(election.id())) {
      return Optional.empty();
    }
    return Ls2024Maps.embedded().flatMap(maps -> MapSource.embeddedLs2024National().map(source -> {
      Map<SeatRef, Integer> numbers = new HashMap<>();
      maps.seats().forEach(s -> numbers.put(s.seat(), s.nationalNo()));
      return new NationalMap(source, numbers);
    }));
  }
}
