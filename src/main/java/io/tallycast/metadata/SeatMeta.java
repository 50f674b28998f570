package io.tallycast.metadata;

/**
 * What a map says about a seat besides its pixels: its number, name and group (district); name and group may be null.
 */
public record SeatMeta(int no, String name, String group) {
}
