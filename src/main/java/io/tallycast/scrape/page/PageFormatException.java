package io.tallycast.scrape.page;

/** A page that is not what a results page must be (garbage, truncated, another layout): never stored. */
public class PageFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public PageFormatException(String message) {
    super(message);
  }
}
