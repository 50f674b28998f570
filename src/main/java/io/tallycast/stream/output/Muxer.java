package io.tallycast.stream.output;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.tallycast.stream.encode.Av;
import io.tallycast.stream.encode.PacketSink;
import io.tallycast.stream.encode.Tracks;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One connection (or one recording run) to one destination: FLV over RTMP/RTMPS, or the segment muxer cutting MKV/MP4
 * files. Writes the shared encoders' packets, copied by reference. Timestamps start again from the first keyframe it
 * writes, so a reconnection begins a clean stream at 0 and a recording's segments each start at 0.
 */
final class Muxer implements AutoCloseable {
  private final Destination destination;
  private final Tracks tracks;
  private final Interrupts.Token token = new Interrupts.Token();
  private final AVRational micros = av_make_q(1, 1_000_000);
  private AVFormatContext oc;
  private boolean headerWritten;
  private long baseMicros = Long.MIN_VALUE;
  private long writeTimeoutNanos = Long.MAX_VALUE;

  Muxer(Destination destination, Tracks tracks) {
    this.destination = destination;
    this.tracks = tracks;
  }

  /**
   * Connects (or creates the first file) and writes the header; interrupted after {@code timeoutNanos}. A network
   * connection asks the kernel for a send buffer of {@code sendBufferBytes}: its default grows to megabytes, which
   * a peer that stopped reading goes on absorbing for many seconds before any write blocks (and the stall limit
   * {@code rwTimeoutMicros} can only count from there).
   */
  void open(long timeoutNanos, long rwTimeoutMicros, int sendBufferBytes, int fps) throws IOException {
    token.deadlineIn(timeoutNanos);
    writeTimeoutNanos = destination.network() ? rwTimeoutMicros * 1000 : Long.MAX_VALUE;
    String format = destination.network() ? "flv" : "segment";
    String target = destination.network() ? destination.url() : destination.segmentPattern();
    oc = new AVFormatContext(null);
    int r = avformat_alloc_output_context2(oc, null, format, target);
    if (r < 0 || oc.isNull()) {
      throw new IOException("cannot set up " + format + " for " + destination.shown() + ": " + Av.error(r));
    }
    AVIOInterruptCB cb = new AVIOInterruptCB();
    token.install(cb);
    oc.interrupt_callback(cb); // copied into the context: FFmpeg polls it during connect, handshake and writes
    cb.close();
    for (int i = 0; i < 2; i++) {
      AVStream stream = avformat_new_stream(oc, null);
      Av.check(avcodec_parameters_copy(stream.codecpar(), tracks.params(i)), "stream parameters");
      stream.time_base(tracks.timeBase(i));
      if (i == PacketSink.VIDEO) {
        stream.avg_frame_rate(av_make_q(fps, 1)).r_frame_rate(av_make_q(fps, 1));
      }
    }
    if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
      AVDictionary io = new AVDictionary(null);
      av_dict_set(io, "rw_timeout", Long.toString(rwTimeoutMicros), 0);
      if (destination.network()) {
        av_dict_set(io, "send_buffer_size", Integer.toString(sendBufferBytes), 0); // passed down to the TCP layer
      }
      AVIOContext pb = new AVIOContext(null);
      r = avio_open2(pb, target, AVIO_FLAG_WRITE, oc.interrupt_callback(), io);
      av_dict_free(io);
      if (r < 0) {
        throw new IOException(failure("cannot connect to", r));
      }
      oc.pb(pb);
    }
    AVDictionary options = new AVDictionary(null);
    if (!destination.network()) {
      Files.createDirectories(destination.file().toAbsolutePath().getParent());
      av_dict_set(options, "segment_time", Double.toString(destination.segment().toMillis() / 1000.0), 0);
      av_dict_set(options, "segment_format", destination.segmentFormat(), 0);
      av_dict_set(options, "reset_timestamps", "1", 0);
      av_dict_set(options, "segment_start_number", Integer.toString(nextSegmentNumber()), 0);
    }
    r = avformat_write_header(oc, options);
    av_dict_free(options);
    if (r < 0) {
      throw new IOException(failure("cannot start the stream to", r));
    }
    headerWritten = true;
    token.noDeadline();
  }

  private String failure(String what, int code) {
    String reason = token.timedOut() ? "no answer within the start timeout" : Av.error(code);
    return what + " " + destination.shown() + ": " + reason;
  }

  /** A recording that restarts goes on numbering after the files already there, never overwriting one. */
  private int nextSegmentNumber() throws IOException {
    return SegmentFiles.next(destination);
  }

  /**
   * Writes one packet (taking its contents); the first must be a video keyframe. Returns false for a packet from
   * before the stream's start (audio encoded just before the first keyframe), which is left out.
   */
  boolean write(AVPacket packet, int streamIndex) throws IOException {
    AVRational from = tracks.timeBase(streamIndex);
    if (baseMicros == Long.MIN_VALUE) {
      baseMicros = av_rescale_q(packet.pts(), from, micros);
    }
    long offset = av_rescale_q(baseMicros, micros, from);
    if (packet.pts() - offset < 0) {
      av_packet_unref(packet);
      return false;
    }
    packet.pts(packet.pts() - offset).dts(packet.dts() - offset);
    AVStream stream = oc.streams(streamIndex);
    av_packet_rescale_ts(packet, from, stream.time_base());
    packet.stream_index(streamIndex);
    // rw_timeout may not reach the TCP socket under the RTMP layer, but the interrupt callback does (FFmpeg polls
    // it every 100 ms while a socket is not writable): a peer that stops reading fails the write, never hangs it
    if (writeTimeoutNanos != Long.MAX_VALUE) {
      token.deadlineIn(writeTimeoutNanos);
    }
    int r = av_interleaved_write_frame(oc, packet);
    if (r < 0) {
      String reason = token.timedOut() ? "nothing accepted for " + writeTimeoutNanos / 1_000_000 + " ms"
          : Av.error(r);
      throw new IOException("sending to " + destination.shown() + " failed: " + reason);
    }
    return true;
  }

  /** Cuts a blocking write or close short (stop, or a stuck connection). */
  void abort() {
    token.abort();
  }

  /** Ends the stream properly when it is still healthy (trailer: the recording's last segment is finished). */
  void finish() {
    if (oc != null && headerWritten) {
      token.deadlineIn(TimeUnit.SECONDS.toNanos(5));
      av_write_trailer(oc);
      headerWritten = false;
    }
  }

  @Override
  public void close() {
    if (oc != null) {
      if ((oc.oformat().flags() & AVFMT_NOFILE) == 0 && oc.pb() != null && !oc.pb().isNull()) {
        avio_closep(oc.pb());
        oc.pb(null);
      }
      avformat_free_context(oc);
      oc = null;
    }
    token.close();
  }
}
