package io.tallycast.replay;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Serves the results pages under the prefix, with conditional GET, and applies the faults that are on.
 * A faulty answer never carries the good page's validators, so a conditional client always takes it in.
 */
final class PageHandler {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  /** Half: low enough that a page is below what a client stored even if counting moved on a round or two since. */
  static final double VOTES_DOWN_FACTOR = 0.5;

  private final Vertx vertx;
  private final SitePages pages;
  private final ReplayClock clock;
  private final Faults faults;
  private final Random random;

  PageHandler(Vertx vertx, SitePages pages, ReplayClock clock, Faults faults, long seed) {
    this.vertx = vertx;
    this.pages = pages;
    this.clock = clock;
    this.faults = faults;
    this.random = new Random(seed);
  }

  void mount(Router router, String prefix) {
    router.get("/").handler(ctx -> ctx.redirect(prefix + "index.htm"));
    router.get(prefix).handler(ctx -> handle(ctx, "index.htm"));
    router.get(prefix + ":page").handler(ctx -> handle(ctx, ctx.pathParam("page")));
  }

  private void handle(RoutingContext ctx, String fileName) {
    SitePages.Found found = pages.resolve(fileName);
    if (found == null) {
      ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, HTML)
          .end("<!doctype html><html><body><h1>404 Not Found</h1></body></html>");
      return;
    }
    PageRef ref = found.ref();
    if (faults.applying(Fault.REQUIRE_BROWSER_HEADERS, ref) != null && !browserLike(ctx.request())) {
      faulty(ctx.response(), 403, Buffer.buffer("<!doctype html><html><head><title>Access Denied</title></head>"
          + "<body><h1>Access Denied</h1><p>You don't have permission to access this page on this server.</p>"
          + "</body></html>"));
      return;
    }
    if (faults.applying(Fault.TIMEOUT, ref) != null) {
      return; // hold the request open, costing nothing: the client's own timeout ends it
    }
    Fault slow = faults.applying(Fault.SLOW, ref);
    if (slow != null && slow.delayMs() > 0) {
      vertx.setTimer(slow.delayMs(), id -> {
        if (!ctx.response().closed() && !ctx.response().ended()) {
          answer(ctx, found.store(), ref);
        }
      });
    } else {
      answer(ctx, found.store(), ref);
    }
  }

  private void answer(RoutingContext ctx, PageStore store, PageRef ref) {
    HttpServerResponse response = ctx.response();
    if (faults.applying(Fault.HTTP_500, ref) != null) {
      boolean unavailable = random.nextBoolean();
      faulty(response, unavailable ? 503 : 500, Buffer.buffer("<!doctype html><html><body><h1>"
          + (unavailable ? "503 Service Unavailable" : "500 Internal Server Error") + "</h1></body></html>"));
      return;
    }
    String type = ref.isJson() ? JSON : HTML;
    if (faults.applying(Fault.NOT_FOUND, ref) != null) {
      faulty(response, 404, HTML, Buffer.buffer("<!doctype html><html><body><h1>404 Not Found</h1></body></html>"));
      return;
    }
    if (faults.applying(Fault.GARBAGE, ref) != null) {
      faulty(response, 200, type, Buffer.buffer(garbage()));
      return;
    }
    double elapsed = clock.elapsedSeconds();
    if (faults.applying(Fault.FROZEN, ref) != null) {
      // the page as it was when the fault was switched on, with its validators: a cache that stopped refreshing
      elapsed = faults.frozenAt();
    }
    PageStore.Rendered page;
    boolean faulty = true;
    if (faults.applying(Fault.WRONG_SEAT, ref) != null) {
      page = store.page(ref.withNumber(store.otherSeat(ref.number())), elapsed);
    } else if (faults.applying(Fault.VOTES_DOWN, ref) != null) {
      page = store.scaledSeatPage(ref, elapsed, VOTES_DOWN_FACTOR);
    } else {
      page = store.page(ref, elapsed);
      faulty = false;
    }
    byte[] body = page.body();
    if (faults.applying(Fault.TRUNCATED, ref) != null) {
      body = truncate(body);
      faulty = true;
    }
    if (faulty) {
      faulty(response, 200, type, Buffer.buffer(body));
      return;
    }
    response.putHeader(HttpHeaders.ETAG, page.etag())
        .putHeader(HttpHeaders.LAST_MODIFIED, page.lastModified())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
      response.setStatusCode(304).end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, type).end(Buffer.buffer(body));
    }
  }

  /** An error page as a CDN or server writes it: HTML whatever was asked for. */
  private static void faulty(HttpServerResponse response, int status, Buffer body) {
    faulty(response, status, HTML, body);
  }

  /** A broken answer under the type the good page has, so a client cannot tell it apart by the header. */
  private static void faulty(HttpServerResponse response, int status, String type, Buffer body) {
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body);
  }

  /** The ECI site's CDN wants what a browser sends: a Mozilla User-Agent and Fetch metadata. */
  static boolean browserLike(HttpServerRequest request) {
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    return agent != null && agent.contains("Mozilla") && request.getHeader("Sec-Fetch-Mode") != null;
  }

  /** If-None-Match: a list of (possibly weak) entity tags, or "*". */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("*") || t.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * About half the page, cut inside the results table where there is one (no closing tags, no footer, no "Last
   * Updated"); the cards page and the live JSON are cut in the middle (the JSON then never closes).
   */
  static byte[] truncate(byte[] body) {
    String html = new String(body, StandardCharsets.ISO_8859_1); // byte offsets = char offsets
    int open = html.indexOf("<tbody>");
    int close = html.lastIndexOf("</tbody>");
    int cut = open >= 0 && close > open ? open + "<tbody>".length() + (close - open - "<tbody>".length()) / 2
        : body.length / 2;
    byte[] out = new byte[cut];
    System.arraycopy(body, 0, out, 0, cut);
    return out;
  }

  private byte[] garbage() {
    byte[] out = new byte[512 + random.nextInt(3584)];
    if (random.nextBoolean()) {
      random.nextBytes(out);
      for (int i = 0; i < out.length; i++) {
        if (out[i] == '<' || out[i] == '>') {
          out[i] = '?'; // no accidental tags: garbage must not parse as a page
        }
      }
    } else {
      String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 {}[]:;,.\"'=+-_%$#@!\n";
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
    }
    return out;
  }
}
