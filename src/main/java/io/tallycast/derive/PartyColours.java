package io.tallycast.derive;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Colours a map can tell apart from its grey for a seat with no result yet, and a colour of its own for a party that no
 * palette knows. Distances are CIE76 (Lab, D65; StrictMath, so every machine gets the same bytes): below about 10
 * two colours pass for one another at a glance.
 */
final class PartyColours {
  /**
   * The maps' grey for a seat with no result or no leader yet ({@code io.tallycast.map.SeatColors.NEUTRAL}, which this
   * package may not see; PartyColoursTest keeps the two equal).
   */
  static final int UNDECIDED = 0x8A93A0;
  /** How far a party's own colour must stay from the undecided grey. */
  static final double MIN_DISTANCE = 20;
  /**
   * How far the party's half-white tint must stay from it: a seat the party leads is painted in that tint, and a dark
   * grey or slate turns into nearly the undecided grey there.
   */
  static final double MIN_TINT_DISTANCE = 10;
  /** The golden angle: each candidate hue turns by it from the last, so they spread round the wheel. */
  private static final double TURN = 137.508;
  private static final int HUES = 48;
  private static final double[] SATURATIONS = {0.6, 0.85};
  private static final double[] LIGHTNESSES = {0.35, 0.5};

  private PartyColours() {
  }

  /** True when neither the colour nor its tint would be taken for the undecided grey. */
  static boolean apartFromUndecided(int rgb) {
    return distance(rgb, UNDECIDED) >= MIN_DISTANCE && distance(tint(rgb), UNDECIDED) >= MIN_TINT_DISTANCE;
  }

  /**
   * A colour for a party no palette knows, from its code and the colours already given: of candidates round the
   * colour wheel (hues from a checksum of the code, turned by the golden angle; two saturations, two lightnesses), the
   * one farthest from every colour given, never one a map would take for its undecided grey. The same table always
   * gives the same colours; the parties are coloured in code order.
   */
  static int ownColour(String code, Collection<Integer> taken) {
    CRC32 crc = new CRC32();
    crc.update(code.getBytes(StandardCharsets.UTF_8));
    double hue = crc.getValue() % 360;
    List<double[]> given = taken.stream().map(PartyColours::lab).toList();
    int best = -1;
    double farthest = -1;
    for (int step = 0; step < HUES; step++) {
      for (double saturation : SATURATIONS) {
        for (double lightness : LIGHTNESSES) {
          int rgb = hsl((hue + step * TURN) % 360, saturation, lightness);
          if (!apartFromUndecided(rgb) || taken.contains(rgb)) {
            continue;
          }
          double[] lab = lab(rgb);
          double nearest = Double.MAX_VALUE;
          for (double[] g : given) {
            nearest = Math.min(nearest, squared(lab, g));
          }
          if (nearest > farthest) {
            farthest = nearest;
            best = rgb;
          }
        }
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no colour left for party " + code);
    }
    return best;
  }

  /**
   * A colour from the code (its hue), never the undecided grey nor one in {@code taken}: cheap for the hundreds of
   * parties without a seat, which no map shows side by side, yet each its own. The hue steps a degree at a time past
   * colours already given.
   */
  static int hashed(String code, Set<Integer> taken) {
    CRC32 crc = new CRC32();
    crc.update(code.getBytes(StandardCharsets.UTF_8));
    long hue = crc.getValue() % 360;
    for (int step = 0; step < 360; step++) {
      for (double saturation : SATURATIONS) {
        for (double lightness : LIGHTNESSES) {
          int rgb = hsl((hue + step) % 360, saturation, lightness);
          if (apartFromUndecided(rgb) && !taken.contains(rgb)) {
            return rgb;
          }
        }
      }
    }
    throw new IllegalStateException("no colour left for party " + code);
  }

  static int parse(String hex) {
    return Integer.parseInt(hex.substring(1), 16);
  }

  static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
  }

  /** Half way to white, as the maps paint a seat the party leads ({@code SeatColors.tint}). */
  static int tint(int rgb) {
    int r = (((rgb >> 16) & 0xFF) + 256) / 2;
    int g = (((rgb >> 8) & 0xFF) + 256) / 2;
    int b = ((rgb & 0xFF) + 256) / 2;
    return r << 16 | g << 8 | b;
  }

  /** CIE76: the straight distance between two colours in Lab. */
  static double distance(int a, int b) {
    return distance(lab(a), lab(b));
  }

  private static double distance(double[] x, double[] y) {
    return StrictMath.sqrt(squared(x, y));
  }

  private static double squared(double[] x, double[] y) {
    double l = x[0] - y[0];
    double a = x[1] - y[1];
    double b = x[2] - y[2];
    return l * l + a * a + b * b;
  }

  private static double[] lab(int rgb) {
    double r = linear((rgb >> 16) & 0xFF);
    double g = linear((rgb >> 8) & 0xFF);
    double b = linear(rgb & 0xFF);
    double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? StrictMath.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  private static int hsl(double hue, double saturation, double lightness) {
    double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
    double h = hue / 60;
    double x = c * (1 - Math.abs(h % 2 - 1));
    double[] rgb = switch ((int) h) {
      case 0 -> new double[] {c, x, 0};
      case 1 -> new double[] {x, c, 0};
      case 2 -> new double[] {0, c, x};
      case 3 -> new double[] {0, x, c};
      case 4 -> new double[] {x, 0, c};
      default -> new double[] {c, 0, x};
    };
    double m = lightness - c / 2;
    int r = (int) Math.round((rgb[0] + m) * 255);
    int g = (int) Math.round((rgb[1] + m) * 255);
    int b = (int) Math.round((rgb[2] + m) * 255);
    return r << 16 | g << 8 | b;
  }
}
