package io.tallycast.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Hashing and compressing raw pages for the archive; called on worker threads only. */
final class PageArchiving {
  private PageArchiving() {
  }

  static String sha256(String body) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 4);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
