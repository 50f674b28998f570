package io.tallycast.stream.encode;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Receives each encoded packet once; it must copy (reference) what it keeps, the caller reuses the packet. */
public interface PacketSink {
  int VIDEO = 0;
  int AUDIO = 1;

  void accept(AVPacket packet, int stream);
}
