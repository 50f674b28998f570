package io.tallycast.stream.encode;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/** Small FFmpeg helpers: error codes to text, the error values the encode/mux loops test for, draining an encoder. */
public final class Av {
  /** AVERROR(EAGAIN) on Linux: the encoder wants more input before it gives a packet. */
  static final int EAGAIN = -11;

  private Av() {
  }

  public static String error(int code) {
    byte[] buffer = new byte[256];
    avutil.av_strerror(code, buffer, buffer.length);
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
  }

  /** Hands every packet the encoder has ready to the sink, as the given track; returns when it wants more input. */
  static void drain(AVCodecContext ctx, AVPacket packet, PacketSink sink, int track, String what) {
    while (true) {
      int r = avcodec.avcodec_receive_packet(ctx, packet);
      if (r == EAGAIN || r == avutil.AVERROR_EOF) {
        return;
      }
      check(r, what);
      sink.accept(packet, track);
      avcodec.av_packet_unref(packet);
    }
  }

  public static void check(int code, String what) {
    if (code < 0) {
      throw new IllegalStateException(what + ": " + error(code));
    }
  }
}
