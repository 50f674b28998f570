package io.tallycast.stream.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

/**
 * H.264 through libx264, once for every destination: yuv420p, a keyframe every 2 s exactly (no scene-cut keyframes,
 * so every ingest sees the same regular GOP), zerolatency, no B-frames, global headers (FLV, MKV and MP4 take the
 * SPS/PPS from the stream parameters). Converting the captured BGR0 picture happens only when the picture is new; a
 * repeated frame re-sends the converted one.
 */
public final class VideoEncoder implements AutoCloseable {
  public static final String ENCODER = "libx264";

  private final AVCodecContext ctx;
  private final AVFrame yuv;
  private final AVPacket packet = av_packet_alloc();
  private final PointerPointer<Pointer> srcData = new PointerPointer<>(4);
  private final IntPointer srcStride = new IntPointer(4);
  private SwsContext sws;

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
    String params = "keyint=" + config.gop() + ":min-keyint=" + config.gop() + ":scenecut=0"
        + (config.cbr() ? ":nal-hrd=cbr" : "");
    av_dict_set(options, "x264-params", params, 0);
    int opened = avcodec_open2(ctx, codec, options);
    av_dict_free(options);
    if (opened < 0) {
      avcodec_free_context(ctx);
      throw new IllegalStateException("libx264 refused the settings (" + config.width() + "x" + config.height()
          + ", preset " + config.preset() + "): " + Av.error(opened));
    }
    yuv = av_frame_alloc();
    yuv.format(AV_PIX_FMT_YUV420P).width(config.width()).height(config.height());
    Av.check(av_frame_get_buffer(yuv, 0), "allocating the picture");
    // black until the first picture arrives: Y=16, U=V=128
    Pointer.memset(yuv.data(0), 16, (long) yuv.linesize(0) * config.height());
    Pointer.memset(yuv.data(1), 128, (long) yuv.linesize(1) * (config.height() / 2));
    Pointer.memset(yuv.data(2), 128, (long) yuv.linesize(2) * (config.height() / 2));
  }

  public AVCodecContext context() {
    return ctx;
  }

  /** Converts a new picture into the frame that the next {@link #encode} calls send (scaled if its size differs). */
  public void convert(Frame frame, int pixelFormat) {
    Av.check(av_frame_make_writable(yuv), "making the picture writable");
    sws = swscale.sws_getCachedContext(sws, frame.imageWidth, frame.imageHeight, pixelFormat, ctx.width(),
        ctx.height(), AV_PIX_FMT_YUV420P, swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
    Buffer image = frame.image[0];
    BytePointer data = new BytePointer((ByteBuffer) image);
    int bytesPerElement = Math.max(1, Math.abs(frame.imageDepth) / 8);
    srcData.put(0, data);
    srcStride.put(0, frame.imageStride * bytesPerElement);
    swscale.sws_scale(sws, srcData, srcStride, 0, frame.imageHeight, yuv.data(), yuv.linesize());
  }

  /** Encodes the current picture as frame number {@code pts} (1/fps units) and hands out what the encoder gives. */
  public void encode(long pts, PacketSink sink) {
    yuv.pts(pts);
    Av.check(avcodec_send_frame(ctx, yuv), "encoding a frame");
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
    av_frame_free(yuv);
    av_packet_free(packet);
    if (sws != null) {
      swscale.sws_freeContext(sws);
    }
  }
}
