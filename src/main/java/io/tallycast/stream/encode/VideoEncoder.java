package io.tallycast.stream.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * H.264 through libx264, once for every destination: yuv420p, a keyframe every 2 s exactly (no scene-cut keyframes,
 * so every ingest sees the same regular GOP), zerolatency, no B-frames, global headers (FLV, MKV and MP4 take the
 * SPS/PPS from the stream parameters).
 *
 * <p>Whatever the preset, the settings that shape the SPS and PPS are pinned ({@link #PINNED}): one reference frame,
 * CABAC, 8x8 transforms, no weighted prediction. So every preset of the {@link EncoderLadder} writes the same headers
 * and an encoder can be swapped for a cheaper one at a keyframe without the ingest noticing.
 */
public final class VideoEncoder implements AutoCloseable {
  public static final String ENCODER = "libx264";
  static final String PINNED = "ref=1:cabac=1:8x8dct=1:weightp=0:bframes=0";

  private final AVCodecContext ctx;
  private final AVPacket packet = av_packet_alloc();
  private final EncoderSettings settings;

  /**
   * Refuses to go on without the encoder: FFmpeg's LGPL natives lack libx264, and there asking for it would not fail
   * but quietly fall back to another codec (STACK.md).
   */
  public static AVCodec require(String name) {
    AVCodec codec = avcodec_find_encoder_by_name(name);
    if (codec == null || codec.isNull()) {
      throw new IllegalStateException("the H.264 encoder " + name + " is missing from the FFmpeg natives: the stream "
          + "needs org.bytedeco:ffmpeg with the linux-x86_64-gpl classifier (the LGPL build has no libx264)");
    }
    return codec;
  }

  public VideoEncoder(EncoderSettings config) {
    this.settings = config;
    AVCodec codec = require(ENCODER);
    ctx = avcodec_alloc_context3(codec);
    ctx.width(config.width()).height(config.height()).pix_fmt(AV_PIX_FMT_YUV420P)
        .time_base(av_make_q(1, config.fps())).framerate(av_make_q(config.fps(), 1))
        .gop_size(config.gop()).keyint_min(config.gop()).max_b_frames(0).bit_rate(config.bitrate());
    ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    // a ceiling either way (ingests dislike bursts); with cbr also a floor, padded by nal-hrd=cbr
    ctx.rc_max_rate(config.bitrate()).rc_buffer_size((int) Math.min(Integer.MAX_VALUE, config.bitrate() * 2));
    if (config.cbr()) {
      ctx.rc_min_rate(config.bitrate());
    }
    AVDictionary options = new AVDictionary(null);
    av_dict_set(options, "preset", config.preset(), 0);
    av_dict_set(options, "tune", "zerolatency", 0);
    if (!config.cbr()) {
      av_dict_set(options, "crf", String.valueOf(config.crf()), 0);
    }
    String params = "keyint=" + config.gop() + ":min-keyint=" + config.gop() + ":scenecut=0:" + PINNED
        + (config.cbr() ? ":nal-hrd=cbr" : "");
    av_dict_set(options, "x264-params", params, 0);
    int opened = avcodec_open2(ctx, codec, options);
    av_dict_free(options);
    if (opened < 0) {
      avcodec_free_context(ctx);
      av_packet_free(packet);
      throw new IllegalStateException("libx264 refused the settings (" + config.width() + "x" + config.height()
          + ", preset " + config.preset() + "): " + Av.error(opened));
    }
  }

  public AVCodecContext context() {
    return ctx;
  }

  public EncoderSettings settings() {
    return settings;
  }

  /** The SPS and PPS this encoder writes (what the muxers took as stream parameters from the first encoder). */
  byte[] headers() {
    byte[] bytes = new byte[ctx.extradata_size()];
    ctx.extradata().get(bytes);
    return bytes;
  }

  /**
   * A new quality target, taken by libx264 at the next frame without new headers (FFmpeg's wrapper reconfigures the
   * running encoder when its crf option changes). Nothing for a constant-bitrate stream.
   */
  void quality(double crf) {
    if (!settings.cbr()) {
      Av.check(av_opt_set_double(ctx.priv_data(), "crf", crf, 0), "changing the quality target");
    }
  }

  /** Encodes the picture as frame number {@code pts} (1/fps units) and hands out what the encoder gives. */
  public void encode(YuvPicture picture, long pts, PacketSink sink) {
    picture.frame().pts(pts);
    Av.check(avcodec_send_frame(ctx, picture.frame()), "encoding a frame");
    drain(sink);
  }

  public void flush(PacketSink sink) {
    avcodec_send_frame(ctx, null);
    drain(sink);
  }

  private void drain(PacketSink sink) {
    Av.drain(ctx, packet, sink, PacketSink.VIDEO, "receiving an encoded frame");
  }

  @Override
  public void close() {
    avcodec_free_context(ctx);
    av_packet_free(packet);
  }
}
