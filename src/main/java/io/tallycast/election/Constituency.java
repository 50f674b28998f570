package io.tallycast.election;

/** A seat: its number is the key everywhere (names differ in spelling between sources). */
public record Constituency(int no, String name, String district, String type) {
}
