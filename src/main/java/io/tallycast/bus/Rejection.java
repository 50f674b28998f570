package io.tallycast.bus;

/** A snapshot the store refused (and why); nothing of it was written. */
public record Rejection(int seat, String reason) {
}
