package io.tallycast.util;

import java.text.Normalizer;

/**
 * Text that may go on air (scraped names, the operator's reasons and names), made safe to show: whatever a page or a
 * console sends, the viewer sees the characters and only the characters. It is still text, never markup: the
 * frontend writes it with textContent.
 */
public final class OnAirText {
  private static final char ZWNJ = '\u200C';
  private static final char ZWJ = '\u200D';

  private OnAirText() {
  }

  /**
   * Control characters and invisible format characters removed (among them the bidi embeddings, overrides and
   * isolates U+202A-202E and U+2066-2069, the marks U+200E, U+200F and U+061C, U+200B, U+FEFF and the soft hyphen),
   * as are lone surrogates; ZWNJ and ZWJ (U+200C, U+200D) are kept, since Bengali and other Indic scripts spell with
   * them. Runs of whitespace (tabs, newlines and no-break spaces included) become one space, none at either end; the
   * result is in Unicode NFC, so one name is always the same sequence of characters. Null stays null.
   */
  public static String clean(String s) {
    if (s == null || plain(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        if (Character.getType(cp) != Character.FORMAT) { // the language tags U+E0001-E007F are format characters
          space = appendSpace(out, space);
          out.appendCodePoint(cp);
        }
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
        space = out.length() > 0;
      } else if (!invisible(c)) {
        space = appendSpace(out, space);
        out.append(c);
      }
    }
    String text = out.toString();
    return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** A character clean() removes: a control, a lone surrogate, or a format character other than ZWNJ and ZWJ. */
  public static boolean invisible(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.SURROGATE
        || type == Character.FORMAT && c != ZWNJ && c != ZWJ;
  }

  private static boolean appendSpace(StringBuilder out, boolean space) {
    if (space) {
      out.append(' ');
    }
    return false;
  }

  /** Printable ASCII with single inner spaces: already clean, the common case on a page, so nothing is copied. */
  private static boolean plain(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    char previous = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < ' ' || c > '~' || c == ' ' && previous == ' ') {
        return false;
      }
      previous = c;
    }
    return true;
  }
}
