package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The captions' pixel font: same pixels everywhere, whatever fonts the machine has. */
class PixelFontTest {

  @Test
  void lowerCaseIsDrawnInCapitalsAccentsAreDroppedAndUnknownCharactersAreQuestionMarks() {
    assertThat(PixelFont.normalise("Pondichéry (Karaikal) – 27 Mar")).isEqualTo("PONDICHERY (KARAIKAL) ? 27 MAR");
  }

  @Test
  void aTextIsFiveFontPixelsAGlyphWithOneBetweenGlyphsTimesTheScale() {
    assertThat(PixelFont.width("MAHE", 1)).isEqualTo(4 * 5 + 3);
    assertThat(PixelFont.width("MAHE", 3)).isEqualTo(3 * (4 * 5 + 3));
    assertThat(PixelFont.width("", 3)).isZero();
  }

  @Test
  void drawingPaintsOnlyWhereAllowedAndInsideTheImage() {
    int[] argb = new int[10 * 7];
    PixelFont.draw(argb, 10, "II", -3, 0, 1, 0xFFFFFFFF, p -> p % 10 != 4);

    // the top bars ".###.": the first I's at x -2..0 (cut at the edge), the second I's at x 4..6 (4 not paintable)
    assertThat(new int[] {argb[0], argb[1], argb[3], argb[4], argb[5], argb[6]})
        .containsExactly(0xFFFFFFFF, 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF);
    for (int y = 0; y < 7; y++) {
      assertThat(argb[y * 10 + 4]).as("column 4 is not paintable").isZero();
    }
  }
}
