package io.tallycast.stream.capture;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny local site for the capture tests: a solid page with a marker square in two corners (also with a ticking
 * clock), and a page that freezes (an endless loop) on its first load only, so a reload brings it back.
 */
final class TestPages implements AutoCloseable {
  static final int[] BACKGROUND = {20, 110, 200};
  static final int[] TOP_LEFT = {230, 30, 30};
  static final int[] BOTTOM_RIGHT = {30, 200, 60};
  static final int MARK = 40;

  final AtomicInteger frozenLoads = new AtomicInteger();
  private final HttpServer server;

  TestPages() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/solid.html", ex -> send(ex, page("")));
    // the solid page with what every overlay has, a clock: a small square changing colour every 250 ms, away from the
    // points the tests sample. A screencast sends pictures only when something is painted, so on a page that never
    // changes, a last picture taken while the new viewport was still being laid out would stay the last one.
    server.createContext("/ticking.html", ex -> send(ex, page("<div id=tick style='position:fixed;left:300px;"
        + "top:300px;width:12px;height:12px'></div><script>let k=0;setInterval(()=>{tick.style.background="
        + "(k++%2)?'#fff':'#000'},250)</script>")));
    // first load: after 2 s the page's only thread spins forever; later loads are healthy
    server.createContext("/freezes.html", ex -> send(ex, page(frozenLoads.incrementAndGet() == 1
        ? "<script>setTimeout(() => { while (true) {} }, 2000);</script>" : "")));
    // an overlay-like load: a box sliding with a CSS transform and a number repainted every animation frame
    server.createContext("/animated.html", ex -> send(ex, page("<div id=box class=m style='left:0;top:200px;"
        + "background:#fff;animation:slide 2s linear infinite alternate'></div><div id=n style='position:fixed;"
        + "left:100px;top:100px;font:48px sans-serif;color:#fff'></div><style>@keyframes slide{to{transform:"
        + "translateX(1000px)}}</style><script>let i=0;(function t(){n.textContent=i++;requestAnimationFrame(t)})()"
        + "</script>")));
    server.start();
  }

  String url(String page) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page;
  }

  private static String page(String extra) {
    return "<!doctype html><html><head><style>"
        + "html,body{margin:0;padding:0;width:100%;height:100%;overflow:hidden;background:" + css(BACKGROUND) + "}"
        + ".m{position:fixed;width:" + MARK + "px;height:" + MARK + "px}"
        + "</style></head><body>"
        + "<div class=m style='left:0;top:0;background:" + css(TOP_LEFT) + "'></div>"
        + "<div class=m style='right:0;bottom:0;background:" + css(BOTTOM_RIGHT) + "'></div>"
        + extra + "</body></html>";
  }

  private static String css(int[] rgb) {
    return "rgb(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + ")";
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
