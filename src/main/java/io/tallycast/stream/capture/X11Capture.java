package io.tallycast.stream.capture;

import io.tallycast.process.ThreadPriority;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlay captured from a private Xvfb display where a kiosk Chromium shows it, with FFmpeg's x11grab: the
 * cheapest capture measured here (raw BGR0 frames, no conversion). A grab thread compares each picture with the last
 * one and publishes it into a {@link FrameRing} only when it changed, with the bands of rows that changed; an
 * {@link X11Watchdog} reloads a frozen page and restarts a dead browser or X server. While the browser is down or
 * reloading nothing is published, so {@link #newest()} keeps the last good picture.
 */
public final class X11Capture implements FrameSource {
  private static final Logger LOG = LoggerFactory.getLogger(X11Capture.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  final CaptureConfig config;
  final XvfbDisplay xvfb;
  volatile KioskBrowser browser;
  private volatile FrameRing ring;
  private volatile int pixelFormat = avutil.AV_PIX_FMT_NONE;
  private volatile boolean running;
  private volatile Thread grabThread;
  private X11Watchdog watchdog;
  /** Set by the watchdog while the browser is down or the page reloads: the screen shows no overlay then. */
  volatile boolean hold;
  /** After a (re)load, publishing waits until this System.nanoTime so the page has painted once. */
  volatile long holdUntilNanos;
  /** System.nanoTime of the latest successful grab, published or not: the grabber's own liveness. */
  final AtomicLong lastGrabNanos = new AtomicLong();
  /** Pictures taken from the screen, changed or not ("frames" counts the changed ones, which are published). */
  private final AtomicLong grabs = new AtomicLong();
  /** When the newest published picture was last found to be what the screen shows (0 before the first). */
  private volatile long currentAtNanos;
  /** Grabs that found the page on screen (published or unchanged), not held back during a recovery. */
  private final AtomicLong liveGrabs = new AtomicLong();
  volatile String state = "stopped";

  public X11Capture(CaptureConfig config) {
    this.config = config;
    this.xvfb = new XvfbDisplay(config.width(), config.height());
  }

  @Override
  public int width() {
    return config.width();
  }

  @Override
  public int height() {
    return config.height();
  }

  @Override
  public int pixelFormat() {
    return pixelFormat;
  }

  @Override
  public synchronized void start() throws Exception {
    if (running) {
      return;
    }
    KioskBrowser.checkInstalled();
    state = "starting";
    try {
      xvfb.start();
      browser = new KioskBrowser(config.pageUrl(), config.width(), config.height());
      browser.start(xvfb.name(), START_TIMEOUT);
      running = true;
      CountDownLatch first = new CountDownLatch(1);
      grabThread = new Thread(() -> {
        // a late grab is a repeated frame on air, and a change shown late: it runs ahead of other work
        ThreadPriority.raiseCurrentThread(ThreadPriority.FRAME_CLOCK_NICE);
        grabLoop(first);
      }, "capture-grab");
      grabThread.setDaemon(true);
      grabThread.start();
      if (!first.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("x11grab gave no picture from " + xvfb.name() + " within 10 s");
      }
      watchdog = new X11Watchdog(this);
      watchdog.start();
      state = "running";
      LOG.info("capturing {} at {}x{} {} fps from Xvfb {} with x11grab ({})", config.pageUrl(), config.width(),
          config.height(), config.fps(), xvfb.name(), avutil.av_get_pix_fmt_name(pixelFormat).getString());
    } catch (Exception e) {
      state = "failed";
      close();
      throw new IllegalStateException("capture did not start: " + e.getMessage(), e);
    }
  }

  private FFmpegFrameGrabber openGrabber() throws FrameGrabber.Exception {
    FfmpegLogging.quiet(); // the grabber's probe dumps the stream to stderr otherwise
    FFmpegFrameGrabber g = new FFmpegFrameGrabber(xvfb.name() + ".0+0,0");
    g.setFormat("x11grab");
    g.setImageWidth(config.width());
    g.setImageHeight(config.height());
    g.setFrameRate(config.fps());
    g.setOption("draw_mouse", "0");
    // RAW: hand out x11grab's own BGR0 pixels; converting to BGR24 would cost a full pass per frame for nothing
    g.setImageMode(FrameGrabber.ImageMode.RAW);
    g.setTimeout(5_000_000);
    g.start();
    return g;
  }

  private void grabLoop(CountDownLatch first) {
    FFmpegFrameGrabber grabber = null;
    long failures = 0;
    while (running) {
      try {
        if (grabber == null) {
          grabber = openGrabber();
          if (ring == null) {
            pixelFormat = grabber.getPixelFormat();
            ring = new FrameRing(config.width(), config.height(), channels(pixelFormat));
          }
        }
        Frame f = grabber.grabImage();
        if (f == null || f.image == null || f.image[0] == null) {
          throw new IllegalStateException("x11grab returned no picture");
        }
        long now = System.nanoTime();
        lastGrabNanos.set(now);
        grabs.incrementAndGet();
        failures = 0;
        // the screen shows no overlay while the browser is dead or reloading: keep the last good picture instead
        if (hold || now < holdUntilNanos || !browser.alive()) {
          continue;
        }
        // a still screen is not published: the pacer repeats the picture it has, nothing is copied or converted
        if (ring.publishIfChanged((ByteBuffer) f.image[0], f.imageStride, now)) {
          first.countDown();
        }
        currentAtNanos = now; // what the ring holds is what the screen shows now, changed or not
        liveGrabs.incrementAndGet();
      } catch (Exception | LinkageError e) {
        if (!running) {
          break;
        }
        if (failures++ % 20 == 0) {
          LOG.warn("x11grab on {} failed ({}); reopening", xvfb.name(), e.getMessage());
        }
        grabber = stop(grabber);
        sleep(250);
      }
    }
    stop(grabber);
  }

  private static int channels(int pixelFormat) {
    if (pixelFormat == avutil.AV_PIX_FMT_BGR24 || pixelFormat == avutil.AV_PIX_FMT_RGB24) {
      return 3;
    }
    return 4; // BGR0 / RGB0 / BGRA, what x11grab gives on a 24-bit screen
  }

  private static FFmpegFrameGrabber stop(FFmpegFrameGrabber g) {
    if (g != null) {
      try {
        g.stop();
        g.release();
      } catch (Exception ignored) {
        // closing a grabber whose X server is gone can fail; it is dropped anyway
      }
    }
    return null;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public CapturedFrame newest() {
    FrameRing r = ring;
    return r == null ? null : r.newest();
  }

  long grabs() {
    return grabs.get();
  }

  @Override
  public JsonObject status() {
    FrameRing r = ring;
    long last = currentAtNanos;
    X11Watchdog w = watchdog;
    return new JsonObject()
        .put("state", state)
        .put("capture", "x11grab")
        .put("frameAgeMs", last == 0 ? null : (System.nanoTime() - last) / 1_000_000)
        .put("fps", w == null ? 0.0 : w.fps())
        .put("frames", r == null ? 0 : r.lastSequence())
        .put("grabs", grabs.get())
        .put("liveGrabs", liveGrabs.get())
        .put("restarts", w == null ? 0 : w.restarts())
        .put("reloads", w == null ? 0 : w.reloads())
        .put("browser", w == null ? "running" : w.browserState())
        .put("page", w == null ? "loading" : w.pageState())
        .put("url", config.pageUrl())
        .put("size", config.width() + "x" + config.height())
        .put("display", xvfb.name());
  }

  /** The browser's process id, for tests and the console. */
  public long browserPid() {
    KioskBrowser b = browser;
    return b == null ? -1 : b.pid();
  }

  public XvfbDisplay display() {
    return xvfb;
  }

  @Override
  public synchronized void close() {
    running = false;
    if (watchdog != null) {
      watchdog.close();
      watchdog = null;
    }
    Thread t = grabThread;
    if (t != null) {
      try {
        t.join(6000); // a grab waits at most one frame, or the 5 s grabber timeout when X is gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    KioskBrowser b = browser;
    if (b != null) {
      b.close();
    }
    xvfb.close();
    if (!"failed".equals(state)) {
      state = "stopped";
    }
  }
}
