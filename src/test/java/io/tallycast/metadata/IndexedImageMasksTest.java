package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.map.SeatMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An indexed-colour map the test paints itself: two rectangles and an ellipse on white, with a grey frame. */
class IndexedImageMasksTest {
  static final int[] PALETTE = {0xFFFFFF, 0x808080, 0xFF0000, 0x00FF00, 0x0000FF, 0x123456};

  @TempDir
  Path dir;
  Path png;
  Path legend;
  long ellipsePixels;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @BeforeEach
  void draw() throws Exception {
    byte[] r = new byte[PALETTE.length];
    byte[] g = new byte[PALETTE.length];
    byte[] b = new byte[PALETTE.length];
    for (int i = 0; i < PALETTE.length; i++) {
      r[i] = (byte) (PALETTE[i] >> 16);
      g[i] = (byte) (PALETTE[i] >> 8);
      b[i] = (byte) PALETTE[i];
    }
    BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(8, PALETTE.length, r, g, b));
    Graphics2D pen = image.createGraphics();
    pen.setColor(Color.WHITE);
    pen.fillRect(0, 0, 200, 150);
    pen.setColor(new Color(0x808080));
    pen.drawRect(0, 0, 199, 149);
    pen.setColor(new Color(0xFF0000));
    pen.fillRect(10, 10, 50, 40);
    pen.setColor(new Color(0x00FF00));
    pen.fillRect(60, 10, 30, 30);
    pen.setColor(new Color(0x123456));
    pen.fillRect(190, 140, 3, 3); // a stray colour the legend does not know
    pen.dispose();
    ellipsePixels = Painted.ellipse(image, 100, 60, 60, 40, 0x0000FF);
    png = dir.resolve("map.png");
    ImageIO.write(image, "png", png.toFile());
    legend = dir.resolve("legend.csv");
    Files.writeString(legend, "color,no,name,group\n#FF0000,1,Alpha,North\n#00FF00,2,Beta,North\n"
        + "#0000FF,3,\"Gamma, East\",South\n");
  }

  @Test
  void eachLegendColourBecomesASeatWithExactlyThePixelsAndBboxOfItsShape() throws Exception {
    MapBuild map = IndexedImageMasks.build(png, Legend.read(legend, true));
    List<SeatMask> masks = map.raster().masks();

    assertThat(map.raster().width()).isEqualTo(200);
    assertThat(map.raster().height()).isEqualTo(150);
    assertThat(masks.get(0).pixels()).isEqualTo(50 * 40);
    assertThat(masks.get(0).bbox()).containsExactly(10, 10, 50, 40);
    assertThat(masks.get(1).pixels()).isEqualTo(30 * 30);
    assertThat(masks.get(1).bbox()).containsExactly(60, 10, 30, 30);
    assertThat(masks.get(2).bbox()).containsExactly(100, 60, 60, 40);
    assertThat(masks.get(2).pixels()).isEqualTo(ellipsePixels)
        .isBetween((long) (Math.PI * 30 * 20) - 60, (long) (Math.PI * 30 * 20) + 60);
    assertThat(map.raster().seats()).containsExactly(new SeatMeta(1, "Alpha", "North"),
        new SeatMeta(2, "Beta", "North"), new SeatMeta(3, "Gamma, East", "South"));
  }

  @Test
  void coloursNotInTheLegendAreBackgroundAndCounted() throws Exception {
    MapBuild map = IndexedImageMasks.build(png, Legend.read(legend, true));

    assertThat(map.raster().owner()[0]).isZero();                 // the grey frame
    assertThat(map.raster().owner()[5 * 200 + 5]).isZero();       // white
    assertThat(map.raster().owner()[141 * 200 + 191]).isZero();   // the stray colour
    assertThat(map.notes()).anySatisfy(n -> assertThat(n).startsWith("3 distinct colour(s) not in the legend"));
  }

  @Test
  void districtMapsAreTheGroupsSeatsCutOutAndEnlargedByAWholeFactor() throws Exception {
    MapBuild state = IndexedImageMasks.build(png, Legend.read(legend, true));
    List<MapBuild> districts = DistrictCrop.districts(state, 720, 12);

    assertThat(districts).extracting(MapBuild::name).containsExactly("North", "South");
    MapBuild north = districts.get(0);
    int factor = (720 - 24) / 80; // seats 1 and 2 span columns 10-89
    assertThat(north.raster().width()).isEqualTo(80 * factor + 24);
    assertThat(north.raster().seats()).extracting(SeatMeta::no).containsExactly(1, 2);
    assertThat(north.raster().masks().get(0).pixels()).isEqualTo(50L * 40 * factor * factor);
    assertThat(north.raster().masks().get(0).bbox()).containsExactly(12, 12, 50 * factor, 40 * factor);
  }

  @Test
  void aLegendColourThatAppearsNowhereIsRefused() throws Exception {
    Files.writeString(legend, "color,no,name,group\n#FF0000,1,Alpha,North\n#ABCDEF,4,Ghost,North\n");
    assertThatThrownBy(() -> IndexedImageMasks.build(png, Legend.read(legend, true)))
        .isInstanceOf(MaskInputException.class)
        .hasMessage("map.png: 1 legend colour(s) appear nowhere in the image: seat 4 (#ABCDEF, line 3)");
  }

  @Test
  void aRepeatedColourOrSeatNumberInTheLegendIsRefusedNamingBothLines() throws Exception {
    Files.writeString(legend, "color,no,name\n#FF0000,1,Alpha\n#00FF00,2,Beta\n#ff0000,3,Gamma\n");
    assertThatThrownBy(() -> Legend.read(legend, true))
        .hasMessage("legend.csv line 4: colour #FF0000 is already seat 1's (line 2): every seat needs its own colour");
    Files.writeString(legend, "color,no,name\n#FF0000,1,Alpha\n#00FF00,1,Beta\n");
    assertThatThrownBy(() -> Legend.read(legend, true))
        .hasMessage("legend.csv line 3: seat 1 is listed twice (also line 2)");
  }

  @Test
  void aLegendWithoutTheNeededColumnsOrWithABadColourIsRefused() throws Exception {
    Files.writeString(legend, "colour,number\n#FF0000,1\n");
    assertThatThrownBy(() -> Legend.read(legend, true))
        .hasMessageEndingWith("the legend needs columns color,no[,name,group]; its columns are: colour, number");
    Files.writeString(legend, "color,no\nred,1\n");
    assertThatThrownBy(() -> Legend.read(legend, true)).hasMessage("legend.csv line 2: colour \"red\" is not #rrggbb");
  }
}
