package io.tallycast.stream.encode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The two encoders' stream parameters (codec, size, SPS/PPS and AudioSpecificConfig) and time bases, copied once
 * after they opened: each connection builds its streams from this snapshot instead of reading the encoder contexts
 * while the clock thread is encoding with them.
 */
public final class Tracks implements AutoCloseable {
  private final AVCodecParameters[] params = new AVCodecParameters[2];
  private final AVRational[] timeBases = new AVRational[2];

  public Tracks(AVCodecContext video, AVCodecContext audio) {
    AVCodecContext[] encoders = {video, audio};
    for (int i = 0; i < 2; i++) {
      params[i] = avcodec_parameters_alloc();
      Av.check(avcodec_parameters_from_context(params[i], encoders[i]), "stream parameters");
      timeBases[i] = av_make_q(encoders[i].time_base().num(), encoders[i].time_base().den());
    }
  }

  public AVCodecParameters params(int stream) {
    return params[stream];
  }

  public AVRational timeBase(int stream) {
    return timeBases[stream];
  }

  @Override
  public void close() {
    for (AVCodecParameters p : params) {
      avcodec_parameters_free(p);
    }
  }
}
