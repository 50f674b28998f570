package io.tallycast.election;

/** A party label that no configured party or alias matches: bad input, never guessed. */
public class UnknownPartyException extends IllegalArgumentException {
  private final String label;

  public UnknownPartyException(String label) {
    super("unknown party '" + label + "': add it (or an alias) to the party table");
    this.label = label;
  }

  public String label() {
    return label;
  }
}
