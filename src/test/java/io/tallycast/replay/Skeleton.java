package io.tallycast.replay;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The shape of a page part as a parser sees it, one element a line: tags, classes, attributes and nesting, with
 * "#text" where an element holds visible text. What changes from page to page is left out (link targets, image
 * sources, option values, colours, the texts themselves), and a run of siblings of the same shape counts once, so a
 * page of 20 rows and a page of 14 have the same skeleton. A row's cells all count: they are read by position.
 */
final class Skeleton {
  private static final Set<String> ANY_VALUE = Set.of("href", "src", "value");

  private Skeleton() {
  }

  static String of(Element element) {
    List<String> lines = new ArrayList<>();
    write(element, 0, lines);
    return String.join("\n", lines);
  }

  /** Fails with a line diff ("-" only in the real page, "+" only in ours) when the two parts differ in shape. */
  static void assertSameShape(String part, Element real, Element ours) {
    if (real == null || ours == null) {
      fail("%s: %s", part, real == null ? "the real page has no such part" : "our page has no such part");
    }
    String expected = of(real);
    String actual = of(ours);
    if (!expected.equals(actual)) {
      fail("%s differs in structure from the real page (- real only, + ours only):%n%s", part,
          diff(expected.split("\n"), actual.split("\n")));
    }
  }

  private static List<String> write(Element e, int depth, List<String> out) {
    StringBuilder line = new StringBuilder("  ".repeat(depth)).append(e.tagName());
    Map<String, String> attributes = new TreeMap<>(); // their order means nothing to a parser
    e.attributes().forEach(a -> attributes.put(a.getKey(), value(a.getKey(), a.getValue())));
    attributes.forEach((k, v) -> line.append(" [").append(k).append('=').append(v).append(']'));
    out.add(line.toString());
    boolean cells = e.tagName().equals("tr"); // a row's cells are a tuple: each one counts
    String previous = null;
    for (Node child : e.childNodes()) {
      String shape;
      if (child instanceof Element el) {
        shape = String.join("\n", write(el, depth + 1, new ArrayList<>()));
      } else if (child instanceof TextNode text && !text.isBlank()) {
        shape = "  ".repeat(depth + 1) + "#text";
      } else {
        continue;
      }
      if (cells || !shape.equals(previous)) {
        out.add(shape);
      }
      previous = shape;
    }
    return out;
  }

  private static String value(String key, String value) {
    if (ANY_VALUE.contains(key)) {
      return "*";
    }
    if (key.equals("class")) {
      return String.join(" ", value.strip().split("\\s+"));
    }
    if (key.equals("style")) {
      return value.replaceAll("#[0-9A-Fa-f]{3,6}", "#rgb");
    }
    return value;
  }

  /** A plain longest-common-subsequence line diff with three lines of context: skeletons are a few hundred lines. */
  static String diff(String[] a, String[] b) {
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add("  " + a[i++]);
        j++;
      } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
        lines.add("+ " + b[j++]);
      } else {
        lines.add("- " + a[i++]);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = -3; d <= 3 && !near; d++) {
        int n = k + d;
        near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
      }
      if (near) {
        out.append(lines.get(k)).append('\n');
      } else if (out.length() > 0 && !out.toString().endsWith("...\n")) {
        out.append("...\n");
      }
    }
    return out.toString();
  }
}
