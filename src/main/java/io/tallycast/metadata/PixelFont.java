package io.tallycast.metadata;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Capital letters, digits and a little punctuation as 5x7 pixel glyphs, drawn at a whole scale without smoothing. The
 * maps' captions (inset names, legends) are drawn with it rather than with a system font because the fonts Java finds
 * differ between machines, and the same input must give the same PNG bytes everywhere. Lower case is drawn as capitals,
 * accents are dropped, anything else is a question mark.
 */
public final class PixelFont {
  /** Glyph cell height and width, and the gap between glyphs (in font pixels). */
  public static final int HEIGHT = 7;
  public static final int WIDTH = 5;
  public static final int GAP = 1;

  private static final Map<Character, boolean[]> GLYPHS = new HashMap<>();

  static {
    glyph('A', ".###. #...# #...# ##### #...# #...# #...#");
    glyph('B', "####. #...# #...# ####. #...# #...# ####.");
    glyph('C', ".###. #...# #.... #.... #.... #...# .###.");
    glyph('D', "####. #...# #...# #...# #...# #...# ####.");
    glyph('E', "##### #.... #.... ####. #.... #.... #####");
    glyph('F', "##### #.... #.... ####. #.... #.... #....");
    glyph('G', ".###. #...# #.... #.### #...# #...# .####");
    glyph('H', "#...# #...# #...# ##### #...# #...# #...#");
    glyph('I', ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
    glyph('J', "..### ...#. ...#. ...#. ...#. #..#. .##..");
    glyph('K', "#...# #..#. #.#.. ##... #.#.. #..#. #...#");
    glyph('L', "#.... #.... #.... #.... #.... #.... #####");
    glyph('M', "#...# ##.## #.#.# #.#.# #...# #...# #...#");
    glyph('N', "#...# #...# ##..# #.#.# #..## #...# #...#");
    glyph('O', ".###. #...# #...# #...# #...# #...# .###.");
    glyph('P', "####. #...# #...# ####. #.... #.... #....");
    glyph('Q', ".###. #...# #...# #...# #.#.# #..#. .##.#");
    glyph('R', "####. #...# #...# ####. #.#.. #..#. #...#");
    glyph('S', ".#### #.... #.... .###. ....# ....# ####.");
    glyph('T', "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
    glyph('U', "#...# #...# #...# #...# #...# #...# .###.");
    glyph('V', "#...# #...# #...# #...# #...# .#.#. ..#..");
    glyph('W', "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.");
    glyph('X', "#...# #...# .#.#. ..#.. .#.#. #...# #...#");
    glyph('Y', "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..");
    glyph('Z', "##### ....# ...#. ..#.. .#... #.... #####");
    glyph('0', ".###. #...# #..## #.#.# ##..# #...# .###.");
    glyph('1', "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.");
    glyph('2', ".###. #...# ....# ...#. ..#.. .#... #####");
    glyph('3', "##### ...#. ..#.. ...#. ....# #...# .###.");
    glyph('4', "...#. ..##. .#.#. #..#. ##### ...#. ...#.");
    glyph('5', "##### #.... ####. ....# ....# #...# .###.");
    glyph('6', "..##. .#... #.... ####. #...# #...# .###.");
    glyph('7', "##### ....# ...#. ..#.. .#... .#... .#...");
    glyph('8', ".###. #...# #...# .###. #...# #...# .###.");
    glyph('9', ".###. #...# #...# .#### ....# ...#. .##..");
    glyph('-', "..... ..... ..... .###. ..... ..... .....");
    glyph('.', "..... ..... ..... ..... ..... .##.. .##..");
    glyph(',', "..... ..... ..... ..... .##.. ..#.. .#...");
    glyph('(', "...#. ..#.. .#... .#... .#... ..#.. ...#.");
    glyph(')', ".#... ..#.. ...#. ...#. ...#. ..#.. .#...");
    glyph('/', "..... ....# ...#. ..#.. .#... #.... .....");
    glyph(':', "..... .##.. .##.. ..... .##.. .##.. .....");
    glyph('&', ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#");
    glyph('\'', "..#.. ..#.. .#... ..... ..... ..... .....");
    glyph('*', "..... ..#.. #.#.# .###. #.#.# ..#.. .....");
    glyph('?', ".###. #...# ....# ...#. ..#.. ..... ..#..");
  }

  private PixelFont() {
  }

  /** Rows top to bottom, '#' on and '.' off. */
  private static void glyph(char c, String rows) {
    String bits = rows.replace(" ", "");
    boolean[] on = new boolean[WIDTH * HEIGHT];
    for (int i = 0; i < on.length; i++) {
      on[i] = bits.charAt(i) == '#';
    }
    GLYPHS.put(c, on);
  }

  /** The text as the font draws it: upper case, accents dropped, unknown characters as '?'. */
  public static String normalise(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(plain.length());
    for (char c : plain.toCharArray()) {
      out.append(c == ' ' || GLYPHS.containsKey(c) ? c : '?');
    }
    return out.toString();
  }

  /** Width in image pixels of the text at {@code scale}. */
  public static int width(String text, int scale) {
    int n = normalise(text).length();
    return n == 0 ? 0 : (n * (WIDTH + GAP) - GAP) * scale;
  }

  /**
   * Draws the text with its top-left corner at (x, y) into an ARGB image of {@code width} pixels a row, on the pixels
   * {@code paintable} accepts (by index) and inside the image only.
   */
  public static void draw(int[] argb, int width, String text, int x, int y, int scale, int colour,
      IntPredicate paintable) {
    int height = argb.length / width;
    String plain = normalise(text);
    for (int k = 0; k < plain.length(); k++) {
      boolean[] on = GLYPHS.get(plain.charAt(k));
      if (on == null) {
        continue; // a space
      }
      int left = x + k * (WIDTH + GAP) * scale;
      for (int i = 0; i < on.length; i++) {
        if (!on[i]) {
          continue;
        }
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            int px = left + (i % WIDTH) * scale + dx;
            int py = y + (i / WIDTH) * scale + dy;
            if (px >= 0 && py >= 0 && px < width && py < height && paintable.test(py * width + px)) {
              argb[py * width + px] = colour;
            }
          }
        }
      }
    }
  }
}
