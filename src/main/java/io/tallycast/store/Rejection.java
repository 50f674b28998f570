package io.tallycast.store;

/** A snapshot the store refused (and why); nothing of it was written. */
public record Rejection(int seat, String reason) {
}
