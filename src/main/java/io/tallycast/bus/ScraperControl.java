package io.tallycast.bus;

/** Pause or resume the scraper; the scraper answers with the same record saying what it now does. */
public record ScraperControl(boolean paused) {
}
