package io.tallycast.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * gzip for the clients that ask for it (the pages, their scripts, JSON, metrics), but not for:
 * <ul>
 *   <li>the live channel: a deflater per open connection costs memory on every overlay and console for frames of a
 *       few hundred bytes, and an event must leave at once, not when a compressor decides to flush;</li>
 *   <li>PNG and JPEG pictures: already compressed, deflating them again is CPU for nothing.</li>
 * </ul>
 * The large JSON answers come gzipped already (see {@link EncodedJson}); the compressor leaves them alone.
 */
final class Compression {
  private Compression() {
  }

  /**
   * No size threshold: Vert.x 5 sends a file's head as a message of its own with no content, which a threshold takes
   * for an empty answer, so the pages would never be compressed.
   */
  static HttpServerOptions serverOptions() {
    // No h2c upgrade: no browser asks for it (browsers speak HTTP/2 over TLS only), and under load Vert.x's upgrade of
    // a request answered from a worker once sent a large answer's bytes outside the HTTP/2 stream (a clean-clone run:
    // "Frame type(116) length(7566433) exceeds MAX_FRAME_SIZE"). A client that offers the upgrade gets HTTP/1.1.
    return new HttpServerOptions().setCompressionSupported(true).setHttp2ClearTextEnabled(false);
  }

  /** Mounted first: decides per answer once its type is known, just before its headers go out. */
  static void mount(Router router) {
    router.route().handler(Compression::exceptStreamsAndPictures);
  }

  private static void exceptStreamsAndPictures(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    ctx.addHeadersEndHandler(v -> {
      String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
      if (type != null && !response.headers().contains(HttpHeaders.CONTENT_ENCODING) && uncompressed(type)) {
        // Vert.x takes "identity" as "leave this one alone" and does not send the header
        response.putHeader(HttpHeaders.CONTENT_ENCODING, "identity");
      }
    });
    ctx.next();
  }

  private static boolean uncompressed(String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("text/event-stream") || (type.startsWith("image/") && !type.startsWith("image/svg"));
  }
}
