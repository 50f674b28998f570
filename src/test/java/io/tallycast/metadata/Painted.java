package io.tallycast.metadata;

import java.awt.image.BufferedImage;

/** Shapes painted pixel by pixel with a known rule, so a test knows their exact pixel count and bounding box. */
final class Painted {
  private Painted() {
  }

  /**
   * Paints the ellipse inscribed in the box (x, y, w, h): every pixel whose centre is inside or on it. Returns the
   * number of pixels painted.
   */
  static long ellipse(BufferedImage image, int x, int y, int w, int h, int rgb) {
    double cx = x + w / 2.0;
    double cy = y + h / 2.0;
    long n = 0;
    for (int py = y; py < y + h; py++) {
      for (int px = x; px < x + w; px++) {
        double dx = (px + 0.5 - cx) / (w / 2.0);
        double dy = (py + 0.5 - cy) / (h / 2.0);
        if (dx * dx + dy * dy <= 1) {
          image.setRGB(px, py, 0xFF000000 | rgb);
          n++;
        }
      }
    }
    return n;
  }
}
