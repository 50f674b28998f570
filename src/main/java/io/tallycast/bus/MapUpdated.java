package io.tallycast.bus;

import java.util.List;

/** A map picture was republished: its state, its name, its new version, the seats repainted and where to fetch it. */
public record MapUpdated(String state, String map, long version, List<Integer> seats, String url) {
}
