package io.tallycast.store;

import io.tallycast.events.ResultEvent;
import java.util.List;

/**
 * What one write did: the seats whose snapshot was accepted (including unchanged repeats, which store nothing),
 * the seats refused and why, and the events it committed, in id order.
 */
public record ApplyResult(List<Integer> acceptedSeats, List<Rejection> rejections, List<ResultEvent> events) {
}
