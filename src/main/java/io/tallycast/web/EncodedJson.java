package io.tallycast.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON answer encoded once (off the event loop), with an ETag from a hash of its bytes: the same data gives the same
 * ETag, even after a restart. Sent with {@code Cache-Control: no-cache} (results change: a client must ask again, but
 * a matching {@code If-None-Match} costs it a 304 and no body).
 *
 * <p>With {@code gzipped} (the large answers, kept per data version) a client that accepts gzip gets those bytes as
 * they are, under an ETag of their own (a strong ETag names one representation). Without it the ETag is weak and the
 * server's own compression may gzip the body on the way out.
 */
record EncodedJson(Buffer body, Buffer gzipped, String etag, String gzipEtag) {
  private static final String JSON = "application/json; charset=utf-8";

  /** Encoded with its gzip beside it, for the answers many clients ask for between two changes. */
  static EncodedJson withGzip(Object json) {
    Buffer body = Json.encodeToBuffer(json);
    String hash = hash(body);
    return new EncodedJson(body, gzip(body), "\"" + hash + "\"", "\"" + hash + "-gzip\"");
  }

  /** Encoded for one request (its gzip, if any, is the server's). */
  static EncodedJson once(Object json) {
    Buffer body = Json.encodeToBuffer(json);
    return new EncodedJson(body, null, "W/\"" + hash(body) + "\"", null);
  }

  void send(RoutingContext ctx) {
    boolean gzip = gzipped != null && acceptsGzip(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
    HttpServerResponse response = ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.ETAG, gzip ? gzipEtag : etag);
    if (gzipped != null) {
      response.putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }
    if (notModified(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
    } else if (gzip) {
      // already encoded: the server's compressor leaves an answer with a Content-Encoding alone
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(gzipped);
    } else if (gzipped != null) {
      // "identity" keeps the compressor from deflating bytes the strong ETag names as they are
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(HttpHeaders.CONTENT_ENCODING, "identity").end(body);
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }
  }

  /** Any tag of this answer listed (weak comparison, as RFC 9110 asks for If-None-Match), or "*". */
  boolean notModified(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
        .anyMatch(t -> t.equals("*") || t.equals(opaque(etag)) || (gzipEtag != null && t.equals(gzipEtag)));
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /** gzip (or x-gzip) listed with a weight above 0; or, when it is not named, "*" with a weight above 0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    double star = 0;
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return weight(parts) > 0;
      }
      if (coding.equals("*")) {
        star = weight(parts);
      }
    }
    return star > 0;
  }

  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static String hash(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Buffer gzip(Buffer body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 6);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }
}
