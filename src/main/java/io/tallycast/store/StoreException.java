package io.tallycast.store;

/** The store could not open or write; whatever the failed write was doing has been rolled back. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
