package io.tallycast.bus;

/** A small JPEG of what is on air now. */
public record Preview(byte[] jpeg) {
}
