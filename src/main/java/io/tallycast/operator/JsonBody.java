package io.tallycast.operator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An operator request's body, read strictly: JSON sent as such, in valid UTF-8, and every piece of text in it
 * printable. Vert.x would decode bad bytes leniently (as U+FFFD) and JSON lets "\u0000" or a lone "\ud800" through;
 * either would be stored and could go on air, so they are refused here, before anything reaches the store. Tabs and
 * line breaks are let through (the console's reason is a text area): text is cleaned before it is stored.
 */
final class JsonBody {
  /** A body refused, with the HTTP status that fits (400, or 415 for what is not JSON). */
  static final class Refused extends IllegalArgumentException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private JsonBody() {
  }

  /** The body as a JSON object; an empty body is an empty object. */
  static JsonObject read(RoutingContext ctx) {
    Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      return new JsonObject();
    }
    checkJsonType(ctx.request().getHeader("Content-Type"));
    String text = utf8(raw.getBytes());
    if (text.isBlank()) {
      return new JsonObject();
    }
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new Refused(400, "the body is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!(value instanceof JsonObject object)) {
      throw new Refused(400, "the body must be a JSON object {...}");
    }
    checkText(object, "");
    return object;
  }

  private static void checkJsonType(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    String params = semicolon < 0 ? "" : type.substring(semicolon + 1).replace(" ", "");
    boolean utf8 = !params.contains("charset=") || params.matches("(.*;)?charset=\"?utf-8\"?(;.*)?");
    if (!media.equals("application/json") || !utf8) {
      throw new Refused(415, "the body must be JSON in UTF-8, sent with 'Content-Type: application/json', not '"
          + (contentType == null ? "(none)" : printable(contentType)) + "'");
    }
  }

  /** Strict UTF-8: malformed or truncated sequences, overlong forms and encoded surrogates are refused. */
  static String utf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more UTF-16 units than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      StringBuilder bad = new StringBuilder();
      for (int i = at; i < Math.min(at + result.length(), bytes.length); i++) {
        bad.append(bad.length() == 0 ? "0x" : " ").append(String.format("%02X", bytes[i] & 0xFF));
      }
      throw new Refused(400, "the body is not valid UTF-8 (at byte offset " + at + ": " + bad
          + "); send text in UTF-8");
    }
    return out.flip().toString();
  }

  /** Every string and field name in the tree; the first bad one is named by its path ('candidates[0].party'). */
  private static void checkText(Object value, String path) {
    if (value instanceof String s) {
      checkString(s, path.isEmpty() ? "the body" : "'" + path + "'");
    } else if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        checkString(e.getKey(), "a field name in " + (path.isEmpty() ? "the body" : "'" + path + "'"));
        checkText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        checkText(a.getValue(i), path + "[" + i + "]");
      }
    }
  }

  /** Tab, line feed and carriage return pass; other controls and lone surrogates do not. */
  private static void checkString(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String problem = null;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        problem = "half of a surrogate pair, alone, which is no character";
      } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        problem = "a control character";
      }
      if (problem != null) {
        throw new Refused(400, what + " must be printable text, but character " + (i + 1) + " is "
            + String.format("U+%04X", (int) c) + ", " + problem);
      }
    }
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(80).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return out.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
