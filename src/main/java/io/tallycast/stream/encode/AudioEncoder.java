package io.tallycast.stream.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.tallycast.stream.StreamConfig;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.Pointer;

/**
 * The silent AAC stereo 48 kHz track YouTube insists on: zero samples, encoded in step with the video clock so both
 * tracks cover the same time. FFmpeg's native AAC encoder; silence costs it next to nothing.
 */
public final class AudioEncoder implements AutoCloseable {
  private final AVCodecContext ctx;
  private final AVFrame frame;
  private final AVPacket packet = av_packet_alloc();
  private long samples;

  public AudioEncoder() {
    AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (codec == null || codec.isNull()) {
      throw new IllegalStateException("FFmpeg's AAC encoder is missing");
    }
    ctx = avcodec_alloc_context3(codec);
    ctx.sample_fmt(AV_SAMPLE_FMT_FLTP).sample_rate(StreamConfig.AUDIO_RATE).bit_rate(128_000)
        .time_base(av_make_q(1, StreamConfig.AUDIO_RATE));
    av_channel_layout_default(ctx.ch_layout(), StreamConfig.AUDIO_CHANNELS);
    ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    Av.check(avcodec_open2(ctx, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null), "opening the AAC encoder");
    frame = av_frame_alloc();
    frame.format(AV_SAMPLE_FMT_FLTP).nb_samples(ctx.frame_size()).sample_rate(StreamConfig.AUDIO_RATE);
    av_channel_layout_copy(frame.ch_layout(), ctx.ch_layout());
    Av.check(av_frame_get_buffer(frame, 0), "allocating audio");
    for (int c = 0; c < StreamConfig.AUDIO_CHANNELS; c++) {
      Pointer.memset(frame.data(c), 0, frame.linesize(0)); // 0.0f is all zero bytes
    }
  }

  public AVCodecContext context() {
    return ctx;
  }

  /** Encodes silence until the track reaches {@code targetSamples} (1/48000 units). */
  public void encodeUntil(long targetSamples, PacketSink sink) {
    int size = ctx.frame_size();
    while (samples + size <= targetSamples) {
      Av.check(av_frame_make_writable(frame), "making audio writable");
      frame.pts(samples);
      Av.check(avcodec_send_frame(ctx, frame), "encoding audio");
      drain(sink);
      samples += size;
    }
  }

  public void flush(PacketSink sink) {
    avcodec_send_frame(ctx, null);
    drain(sink);
  }

  private void drain(PacketSink sink) {
    Av.drain(ctx, packet, sink, PacketSink.AUDIO, "receiving encoded audio");
  }


  @Override
  public void close() {
    avcodec_free_context(ctx);
    av_frame_free(frame);
    av_packet_free(packet);
  }
}
