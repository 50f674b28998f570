package io.tallycast.scrape;

/** A page that could not be used, with the URL and an operator-readable reason. */
public class ScrapeException extends RuntimeException {
  private final String url;
  private final int httpStatus;

  public ScrapeException(String url, String reason) {
    this(url, reason, 0);
  }

  /** @param httpStatus the site's answer when it was an HTTP error (404, 500...), 0 otherwise */
  public ScrapeException(String url, String reason, int httpStatus) {
    super(reason + " [" + url + "]");
    this.url = url;
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String url() {
    return url;
  }
}
