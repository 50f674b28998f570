package io.tallycast.derive;

/**
 * Bad input in the third-party reference data: the file (relative to the shared data folder), the line where one
 * applies, and what is wrong. derive-data then writes nothing.
 */
public final class SourceProblem extends RuntimeException {
  private final String file;
  private final long line;

  SourceProblem(String file, long line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** The line, from 1; 0 when the problem is the file as a whole. */
  public long line() {
    return line;
  }
}
