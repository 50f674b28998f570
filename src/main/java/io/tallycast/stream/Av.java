package io.tallycast.stream;

import org.bytedeco.ffmpeg.global.avutil;

/** Small FFmpeg helpers: error codes to text, and the error values the encode/mux loops test for. */
final class Av {
  /** AVERROR(EAGAIN) on Linux: the encoder wants more input before it gives a packet. */
  static final int EAGAIN = -11;

  private Av() {
  }

  static String error(int code) {
    byte[] buffer = new byte[256];
    avutil.av_strerror(code, buffer, buffer.length);
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
  }

  static void check(int code, String what) {
    if (code < 0) {
      throw new IllegalStateException(what + ": " + error(code));
    }
  }
}
