package io.tallycast.scrape;

/** A page that could not be used, with the URL and an operator-readable reason. */
public class ScrapeException extends RuntimeException {
  private final String url;

  public ScrapeException(String url, String reason) {
    super(reason + " [" + url + "]");
    this.url = url;
  }

  public String url() {
    return url;
  }
}
