package io.tallycast.stream;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Receives each encoded packet once; it must copy (reference) what it keeps, the caller reuses the packet. */
interface PacketSink {
  int VIDEO = 0;
  int AUDIO = 1;

  void accept(AVPacket packet, int stream);
}
