package io.tallycast.bus;

import java.time.Instant;

/** A raw page that changed, gzip-compressed by the scraper (off the store's thread), kept for replay and audit. */
public record ArchivedPage(String url, Instant fetchedAt, String sha256, byte[] gzipped) {
}
