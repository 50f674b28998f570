package io.tallycast.stream.capture;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg's own messages go to stderr unfiltered: the x11grab probe's stream dump on every start, and lines that may
 * quote an ingest URL with its key. Only fatal ones are kept; the capture and the destinations report failures
 * themselves, redacted, in the one log. Called before the first use of FFmpeg by whichever part comes first.
 */
public final class FfmpegLogging {
  private static boolean done;

  private FfmpegLogging() {
  }

  public static synchronized void quiet() {
    if (!done) {
      avutil.av_log_set_level(avutil.AV_LOG_FATAL);
      avformat.avformat_network_init();
      done = true;
    }
  }
}
