package io.tallycast.bus;

import java.util.List;

/** A map picture was republished: its name, its new version, the seats repainted and where to fetch it. */
public record MapUpdated(String map, long version, List<Integer> seats, String url) {
}
