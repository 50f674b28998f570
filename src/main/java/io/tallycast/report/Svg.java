package io.tallycast.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as an SVG element to put inside HTML: XChart's SVG document without its XML prolog and doctype, scaled to
 * the page's width. VectorGraphics2D draws text as outlines, so no name from the results site is markup in it.
 */
final class Svg {
  /** The clip paths' ids: VectorGraphics2D names them by a hash, which two charts of one page could share. */
  private static final Pattern CLIP_ID = Pattern.compile("(id=\"|url\\(#)clip(-?\\d+)");
  private static final AtomicLong CHARTS = new AtomicLong();

  private Svg() {
  }

  static String of(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("chart not drawn: " + e.getMessage(), e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    int open = svg.indexOf("<svg");
    if (open < 0) {
      throw new IllegalStateException("the chart encoder wrote no <svg> element");
    }
    svg = svg.substring(open);
    int tagEnd = svg.indexOf('>');
    // the drawing keeps its viewBox; the page decides its size
    String tag = svg.substring(0, tagEnd).replaceFirst(" height=\"[^\"]*\"", "").replaceFirst(" width=\"[^\"]*\"", "");
    String prefix = "chart" + CHARTS.incrementAndGet() + "-clip";
    String body = CLIP_ID.matcher(svg.substring(tagEnd)).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + prefix
        + m.group(2)));
    return tag + " class=\"chart\" preserveAspectRatio=\"xMidYMid meet\"" + body;
  }
}
