package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.map.SeatMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots the test paints the way the original team's macro did: the whole map in grey with its outlines, one
 * seat in yellow. Seats 1 and 2 overlap by a 10x20 block; seat 3 is an ellipse in a slightly-off yellow.
 */
class HighlightMasksTest {
  static final int YELLOW = 0xFFFF00;
  static final Rectangle[] SEATS = {new Rectangle(10, 10, 40, 30), new Rectangle(40, 20, 40, 40),
      new Rectangle(90, 50, 50, 50)}; // the third is the ellipse inscribed in its box

  @TempDir
  Path dir;
  long ellipsePixels;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @BeforeEach
  void screenshots() throws Exception {
    for (int seat = 1; seat <= SEATS.length; seat++) {
      screenshot(seat, 160, 120, seat == 3 ? 0xF4F60A : YELLOW);
    }
    Files.writeString(dir.resolve("notes.txt"), "not a screenshot");
  }

  private BufferedImage screenshot(int highlighted, int width, int height, int highlight) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D pen = image.createGraphics();
    pen.setColor(new Color(0xC0C0C0));
    pen.fillRect(0, 0, width, height);
    for (int i = 0; i < SEATS.length; i++) {
      paint(image, i, 0xE0E0E0); // the map, every seat in grey
    }
    paint(image, highlighted - 1, highlight); // then the seat the macro selected
    pen.dispose();
    ImageIO.write(image, "png", dir.resolve(highlighted + ".png").toFile());
    return image;
  }

  private void paint(BufferedImage image, int seat, int rgb) {
    Rectangle r = SEATS[seat];
    if (seat == 2) {
      ellipsePixels = Painted.ellipse(image, r.x, r.y, r.width, r.height, rgb);
    } else {
      Graphics2D pen = image.createGraphics();
      pen.setColor(new Color(rgb));
      pen.fill(r);
      pen.dispose();
    }
  }

  @Test
  void eachScreenshotsHighlightIsItsSeatWithExactPixelCountsAndBboxes() throws Exception {
    MapBuild map = HighlightMasks.build(dir, YELLOW, 16, null, Progress.quiet());
    List<SeatMask> masks = map.raster().masks();

    assertThat(map.raster().seats()).extracting(SeatMeta::no).containsExactly(1, 2, 3);
    assertThat(masks.get(0).pixels()).isEqualTo(40 * 30);
    assertThat(masks.get(0).bbox()).containsExactly(10, 10, 40, 30);
    assertThat(masks.get(1).bbox()).containsExactly(40, 20, 40, 40);
    assertThat(masks.get(2).bbox()).containsExactly(90, 50, 50, 50);
    assertThat(masks.get(2).pixels()).isEqualTo(ellipsePixels);
    assertThat(map.notes()).contains("1 file(s) in " + dir.getFileName() + " not named <seat number>.png were ignored");
  }

  @Test
  void aPixelHighlightedInTwoScreenshotsGoesToTheLowerSeatNumberAndIsReported() throws Exception {
    MapBuild map = HighlightMasks.build(dir, YELLOW, 16, null, Progress.quiet());

    assertThat(map.conflicts()).containsExactly(new MaskBuilder.Conflict(1, 2, 10 * 20));
    assertThat(map.raster().masks().get(1).pixels()).isEqualTo(40 * 40 - 10 * 20);
    assertThat(map.raster().masks().get(0).contains(45, 30)).isTrue();
    assertThat(map.raster().masks().get(1).contains(45, 30)).isFalse();
  }

  @Test
  void theToleranceDecidesWhichShadesCountAsTheHighlight() {
    assertThatThrownBy(() -> HighlightMasks.build(dir, YELLOW, 0, null, Progress.quiet()))
        .isInstanceOf(MaskInputException.class)
        .hasMessage("3.png: no pixel within 0 of #FFFF00 (wrong --highlight-color or --tolerance?)");
  }

  @Test
  void namesAndGroupsComeFromALegendWithoutColours() throws Exception {
    Path legend = Files.writeString(dir.resolve("names.csv"), "no,name,group\n1,Alpha,N\n2,Beta,N\n3,Gamma,S\n");
    MapBuild map = HighlightMasks.build(dir, YELLOW, 16, Legend.read(legend, false), Progress.quiet());

    assertThat(map.raster().seats()).containsExactly(new SeatMeta(1, "Alpha", "N"), new SeatMeta(2, "Beta", "N"),
        new SeatMeta(3, "Gamma", "S"));
  }

  @Test
  void screenshotsOfDifferentSizesAreRefused() throws Exception {
    screenshot(2, 161, 120, YELLOW);
    assertThatThrownBy(() -> HighlightMasks.build(dir, YELLOW, 16, null, Progress.quiet()))
        .hasMessage("2.png is 161x120 but 1.png is 160x120: every screenshot must be the same size");
  }
}
