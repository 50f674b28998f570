package io.tallycast.store;

/**
 * An override or release the store refused because of what is stored; nothing was written. {@link #status()} is the
 * HTTP status that fits: 404 no such seat, 400 figures that do not fit the seat, 409 the seat's state does not allow
 * it.
 */
public final class OverrideRefused extends RuntimeException {
  private final int status;

  public OverrideRefused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
