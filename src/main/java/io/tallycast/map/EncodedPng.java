package io.tallycast.map;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One published picture as the PNG file's pieces in order (signature and header, one IDAT chunk per band, trailer).
 * Immutable: a repaint replaces band chunks in {@link BandedPng}, it never writes into one, so a snapshot taken before
 * the repaint keeps describing the old picture whole. That is what lets a publish hand readers a new picture by
 * swapping one reference, without copying the 100+ KB file. The contiguous file is assembled once, by whoever first
 * asks for it (usually the first HTTP reader).
 */
public final class EncodedPng {
  private final byte[][] parts;
  private final int length;
  private volatile byte[] bytes;

  EncodedPng(byte[][] parts) {
    this.parts = parts;
    int total = 0;
    for (byte[] part : parts) {
      total += part.length;
    }
    this.length = total;
  }

  /** A PNG file as it is (a still picture, never repainted). */
  static EncodedPng whole(byte[] file) {
    return new EncodedPng(new byte[][] {file.clone()});
  }

  /** The size of the file in bytes. */
  public int length() {
    return length;
  }

  /** The whole file (assembled on first use, then shared: callers must not modify it). */
  public byte[] bytes() {
    byte[] file = bytes;
    if (file == null) {
      file = new byte[length];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, file, at, part.length);
        at += part.length;
      }
      bytes = file; // a benign race: two first readers assemble the same bytes
    }
    return file;
  }

  /** Streams the file piece by piece, without assembling it. */
  public void writeTo(OutputStream out) throws IOException {
    for (byte[] part : parts) {
      out.write(part);
    }
  }
}
