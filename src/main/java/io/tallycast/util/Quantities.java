package io.tallycast.util;

import java.time.Duration;
import java.util.Locale;

/** Durations and sizes as people write them in flags and YAML (10m, 24h, 500ms; 1G, 500M, 2048k), read and written. */
public final class Quantities {
  private Quantities() {
  }

  /** A duration: 60s, 10m, 2h, 500ms, or plain seconds. */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    char unit = t.charAt(t.length() - 1);
    String number = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
    double value = Double.parseDouble(number);
    double seconds = switch (unit) {
      case 'h' -> value * 3600;
      case 'm' -> value * 60;
      case 's' -> value;
      default -> {
        if (Character.isDigit(unit)) {
          yield value;
        }
        throw new IllegalArgumentException("a duration like 60s, 10m or 2h: " + text);
      }
    };
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** A size as people write it, in binary units: 1G, 500M, 1.5g, 2048k, or plain bytes. */
  public static long parseBytes(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("b") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
      t = t.substring(0, t.length() - 1); // "1GB" as "1G"
    }
    char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    long factor = switch (unit) {
      case 't' -> 1L << 40;
      case 'g' -> 1L << 30;
      case 'm' -> 1L << 20;
      case 'k' -> 1L << 10;
      default -> 1;
    };
    String number = factor == 1 ? t : t.substring(0, t.length() - 1);
    try {
      return Math.round(Double.parseDouble(number.strip()) * factor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a size like 1G, 500M or 50G: " + text);
    }
  }

  /** A duration as {@link #parseDuration} reads it: 24h, 90m, 45s. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : d.toMillis() % 1000 == 0 ? s + "s"
        : d.toMillis() + "ms";
  }
}
