package io.tallycast.cli;

import io.tallycast.operator.OperatorToken;

/**
 * What a long-running command says about the operator token, on standard output and never through the logger: the
 * token itself only on the start that created it, its file on every later one.
 */
final class OperatorTokenLine {
  private OperatorTokenLine() {
  }

  static String of(OperatorToken token) {
    String file = token.file().toAbsolutePath().toString();
    return token.created()
        ? "  token         " + token.value() + "   (operator token: shown only now; kept in " + file + ", mode 0600)\n"
        : "  token         in " + file + "   (operator token)\n";
  }
}
