package io.tallycast.metadata;

/**
 * Input the mask builder cannot use (a missing field, a broken ring, a projected file...): exit 2 with this message.
 */
public final class MaskInputException extends Exception {
  public MaskInputException(String message) {
    super(message);
  }

  public MaskInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
