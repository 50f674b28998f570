package io.tallycast.bus;

/**
 * An answering part's "no", with the HTTP-like status that fits (400 bad request, 404 no such seat, 409 not now, 500
 * not written): the asking part gets it as a {@code ReplyException} with this failure code and message.
 */
public final class Refusal extends RuntimeException {
  private final int status;

  public Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
