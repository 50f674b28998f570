package io.tallycast.bus;

/** A question about one state of the election, by ECI's code ("S25"). */
public record StateQuery(String state) {
}
