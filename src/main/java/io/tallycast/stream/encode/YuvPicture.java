package io.tallycast.stream.encode;

import static org.bytedeco.ffmpeg.global.avutil.*;

import io.tallycast.stream.capture.Damage;
import java.nio.ByteBuffer;
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
 * The picture on air as the encoder takes it (yuv420p), kept between frames: a repeated frame re-sends it, and a new
 * captured picture is converted into it band by band, only where it changed ({@link Damage}). The overlay is mostly
 * still, so most frames convert a ticker's and a clock's rows instead of the 1080 rows of a whole picture. Bands are
 * converted as pictures of their own, always, so a band converted now matches its neighbours converted earlier. Owned
 * by the clock thread; shared by the encoders of the ladder, which only read it.
 */
public final class YuvPicture implements AutoCloseable {
  private final int width;
  private final int height;
  private final AVFrame yuv;
  private final PointerPointer<Pointer> src = new PointerPointer<>(4);
  private final IntPointer srcStride = new IntPointer(4);
  private final PointerPointer<Pointer> dst = new PointerPointer<>(4);
  private final IntPointer dstStride = new IntPointer(4);
  private SwsContext bandContext;
  private SwsContext lastBandContext;
  private SwsContext wholeContext;
  private volatile long bandsConverted;
  private volatile long bandsOffered;

  public YuvPicture(int width, int height) {
    this.width = width;
    this.height = height;
    yuv = av_frame_alloc();
    yuv.format(AV_PIX_FMT_YUV420P).width(width).height(height);
    Av.check(av_frame_get_buffer(yuv, 0), "allocating the picture");
    // black until the first picture arrives: Y=16, U=V=128
    Pointer.memset(yuv.data(0), 16, (long) yuv.linesize(0) * height);
    Pointer.memset(yuv.data(1), 128, (long) yuv.linesize(1) * (height / 2));
    Pointer.memset(yuv.data(2), 128, (long) yuv.linesize(2) * (height / 2));
  }

  AVFrame frame() {
    return yuv;
  }

  /** Converts a new picture; {@code damage} null (the source cannot tell) or a picture of another size: all of it. */
  public void convert(Frame frame, int pixelFormat, Damage damage) {
    Av.check(av_frame_make_writable(yuv), "making the picture writable");
    int bytesPerElement = Math.max(1, Math.abs(frame.imageDepth) / 8);
    int stride = frame.imageStride * bytesPerElement;
    BytePointer pixels = new BytePointer((ByteBuffer) frame.image[0]);
    if (frame.imageWidth != width || frame.imageHeight != height) {
      wholeContext = context(wholeContext, frame.imageWidth, frame.imageHeight, pixelFormat, height);
      src.put(0, pixels);
      srcStride.put(0, stride);
      swscale.sws_scale(wholeContext, src, srcStride, 0, frame.imageHeight, yuv.data(), yuv.linesize());
      return;
    }
    Damage bands = damage == null ? Damage.all(height) : damage;
    // the planes' addresses once per picture, not per band: each data(i) is a new pointer object
    BytePointer[] planes = {yuv.data(0), yuv.data(1), yuv.data(2)};
    for (int band = 0; band < bands.bands(); band++) {
      bandsOffered++;
      if (bands.changed(band)) {
        convertBand(pixels, stride, pixelFormat, planes, Damage.firstRow(band), bands.rows(band));
        bandsConverted++;
      }
    }
  }

  private void convertBand(BytePointer pixels, int stride, int pixelFormat, BytePointer[] planes, int y, int rows) {
    SwsContext ctx;
    if (rows == Damage.BAND_ROWS) {
      ctx = bandContext = context(bandContext, width, rows, pixelFormat, rows);
    } else {
      ctx = lastBandContext = context(lastBandContext, width, rows, pixelFormat, rows);
    }
    src.put(0, pixels.getPointer((long) y * stride));
    srcStride.put(0, stride);
    for (int plane = 0; plane < 3; plane++) {
      int planeRow = plane == 0 ? y : y / 2;
      dst.put(plane, planes[plane].getPointer((long) planeRow * yuv.linesize(plane)));
      dstStride.put(plane, yuv.linesize(plane));
    }
    swscale.sws_scale(ctx, src, srcStride, 0, rows, dst, dstStride);
  }

  private SwsContext context(SwsContext cached, int srcWidth, int srcHeight, int pixelFormat, int dstHeight) {
    return swscale.sws_getCachedContext(cached, srcWidth, srcHeight, pixelFormat, width, dstHeight,
        AV_PIX_FMT_YUV420P, swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
  }

  /** Share of bands converted since the start, 0..1: how much of the picture actually changes. */
  public double convertedShare() {
    return bandsOffered == 0 ? 0 : (double) bandsConverted / bandsOffered;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  @Override
  public void close() {
    av_frame_free(yuv);
    for (SwsContext c : new SwsContext[] {bandContext, lastBandContext, wholeContext}) {
      if (c != null) {
        swscale.sws_freeContext(c);
      }
    }
  }
}
