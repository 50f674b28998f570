package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tallycast.map.SeatMask;
import io.tallycast.support.SharedData;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Puducherry's state map as labelled insets (the command of {@code maps/puducherry/README.md}, on the real boundaries;
 * skipped without them): its 30 seats lie in four enclaves hundreds of km apart, so each enclave gets its own panel at
 * its own scale and its name in the base image. The enclaves are the file's DIST_NAME values.
 */
class PuducherryInsetsTest {
  /** About 20 by 20 pixels: a seat a viewer can see and a renderer can colour. */
  static final int VISIBLE = 400;

  private static Boundaries file() {
    return Boundaries.read(SharedData.file("five-states-2021/puducherry/assembly-constituencies.geojson"));
  }

  private static WrittenMap state() throws Exception {
    return WrittenMap.read(ReadmeCommand.build("puducherry").resolve("state"));
  }

  private static Map<String, Rectangle> panels(WrittenMap map) {
    Map<String, Rectangle> panels = new LinkedHashMap<>();
    for (JsonNode p : map.map().at("/transform/panels")) {
      JsonNode r = p.get("panel");
      panels.put(p.get("name").asText(), new Rectangle(r.get(0).asInt(), r.get(1).asInt(), r.get(2).asInt(),
          r.get(3).asInt()));
    }
    return panels;
  }

  @Test
  void eachEnclaveIsOnePanelOfTheStateMapAndThePanelsTileItWithoutOverlap() throws Exception {
    WrittenMap state = state();
    Map<String, Rectangle> panels = panels(state);

    assertThat(new TreeSet<>(panels.keySet())).isEqualTo(file().districts().keySet());
    long area = 0;
    for (Rectangle a : panels.values()) {
      area += (long) a.width * a.height;
      assertThat(new Rectangle(0, 0, state.mask().width(), state.mask().height()).contains(a)).isTrue();
      for (Rectangle b : panels.values()) {
        assertThat(a != b && a.intersects(b)).as("%s and %s overlap", a, b).isFalse();
      }
    }
    assertThat(area).isEqualTo((long) state.mask().width() * state.mask().height());
  }

  @Test
  void eachPanelCarriesItsEnclavesNameInTheBaseImage() throws Exception {
    WrittenMap state = state();
    BufferedImage base = state.base();
    for (JsonNode p : state.map().at("/transform/panels")) {
      String name = p.get("name").asText();
      int[] r = {p.get("panel").get(0).asInt(), p.get("panel").get(1).asInt(), p.get("panel").get(2).asInt()};
      int band = p.get("captionBand").asInt();
      // the caption's pixels in the band, cut to their box, are the font's drawing of the name at some scale
      boolean[][] drawn = cut(base, r[0] + 1, r[1] + 1, r[2] - 2, band - 1);
      assertThat(drawn).as("caption of %s", name).isNotNull();
      boolean matched = false;
      for (int scale = 1; scale <= 4 && !matched; scale++) {
        int w = PixelFont.width(name, scale);
        int h = PixelFont.HEIGHT * scale;
        BufferedImage font = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h];
        PixelFont.draw(argb, w, name, 0, 0, scale, BaseImage.CAPTION, i -> true);
        font.setRGB(0, 0, w, h, argb, 0, w);
        matched = Arrays.deepEquals(cut(font, 0, 0, w, h), drawn);
      }
      assertThat(matched).as("the band of panel %s shows the name %s", List.of(r[0], r[1]), name).isTrue();
    }
  }

  @Test
  void everySeatLiesInThePanelOfItsEnclave() throws Exception {
    WrittenMap state = state();
    Map<String, Rectangle> panels = panels(state);
    for (Boundaries.Feature f : file().features()) {
      SeatMask seat = state.seat(f.no());
      int[] box = seat.bbox();
      assertThat(panels.get(f.district()).contains(new Rectangle(box[0], box[1], box[2], box[3])))
          .as("seat %d %s in the %s panel", f.no(), f.name(), f.district()).isTrue();
    }
  }

  @Test
  void everySeatIsBigEnoughToSee() throws Exception {
    WrittenMap state = state();
    List<String> small = new ArrayList<>();
    for (SeatMask seat : state.mask().seats()) {
      if (seat.pixels() < VISIBLE) {
        small.add(seat.seat() + ": " + seat.pixels() + " px");
      }
    }
    assertThat(state.seatNumbers()).containsExactlyElementsOf(file().seats());
    assertThat(small).as("seats under %d px", VISIBLE).isEmpty();
  }

  /** The caption-coloured pixels of a region cut to their bounding box (null when there are none). */
  private static boolean[][] cut(BufferedImage image, int x0, int y0, int w, int h) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        if (image.getRGB(x, y) == BaseImage.CAPTION) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return null;
    }
    boolean[][] on = new boolean[maxY - minY + 1][maxX - minX + 1];
    for (int y = minY; y <= maxY; y++) {
      for (int x = minX; x <= maxX; x++) {
        on[y - minY][x - minX] = image.getRGB(x, y) == BaseImage.CAPTION;
      }
    }
    return on;
  }
}
