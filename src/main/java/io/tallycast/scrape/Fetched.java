package io.tallycast.scrape;

/** One answer from the results site: 200 with a body, or 304 (notModified, no body). */
record Fetched(String url, boolean notModified, String body, long millis) {
}
