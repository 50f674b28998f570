package io.tallycast.bus;

import java.util.List;

/**
 * What one write did: the seats whose snapshot was accepted (including unchanged repeats, which store nothing),
 * the seats refused and why, the events it committed, in id order, and the seats whose snapshot was held because an
 * operator override is active on them (neither applied nor refused: the scraper offers them again next cycle, so the
 * site's figures apply as soon as the override is released).
 */
public record ApplyResult(List<Integer> acceptedSeats, List<Rejection> rejections, List<ResultEvent> events,
                          List<Integer> heldSeats) {

  public ApplyResult(List<Integer> acceptedSeats, List<Rejection> rejections, List<ResultEvent> events) {
    this(acceptedSeats, rejections, events, List.of());
  }
}
