package io.tallycast.stream.capture;

import io.vertx.core.json.JsonObject;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback where no X server can run: headless Chromium streams JPEG pictures of the page through the DevTools
 * {@code Page.startScreencast}. Every picture is acknowledged at once (Chromium sends the next only after the ack);
 * a decode thread decodes only the newest one into a {@link FrameRing} of BGR24 frames, so a slow decode skips
 * pictures instead of queueing them. Chromium sends pictures only when the page repaints: a still page gives one,
 * and the pacer repeats it. Costs about twice the CPU of the X11 capture (STACK.md). A browser that dies is started
 * again by a small watchdog; newest() keeps the last picture meanwhile.
 */
public final class ScreencastCapture implements FrameSource {
  private static final Logger LOG = LoggerFactory.getLogger(ScreencastCapture.class);

  private final CaptureConfig config;
  private final FrameRing ring;
  private final BufferedImage scaled;
  private final AtomicReference<String> newestJpeg = new AtomicReference<>();
  private final Semaphore arrived = new Semaphore(0);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong misfit = new AtomicLong();
  private volatile HeadlessChromium browser;
  private volatile boolean running;
  private volatile String state = "stopped";
  private volatile int restarts;
  /** Pictures decoded per second over the last second: low on a still page, since Chromium sends only repaints. */
  private volatile double fps;
  private Thread decoder;
  private Thread watchdog;

  public ScreencastCapture(CaptureConfig config) {
    this.config = config;
    this.ring = new FrameRing(config.width(), config.height(), 3);
    this.scaled = new BufferedImage(config.width(), config.height(), BufferedImage.TYPE_3BYTE_BGR);
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
    return avutil.AV_PIX_FMT_BGR24;
  }

  @Override
  public synchronized void start() throws Exception {
    if (running) {
      return;
    }
    KioskBrowser.checkInstalled();
    state = "starting";
    running = true;
    decoder = new Thread(this::decodeLoop, "capture-decode");
    decoder.setDaemon(true);
    decoder.start();
    try {
      launch();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (ring.lastSequence() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (ring.lastSequence() == 0) {
        throw new IllegalStateException("the screencast gave no picture within 10 s");
      }
    } catch (Exception e) {
      state = "failed";
      close();
      throw new IllegalStateException("screencast capture did not start: " + e.getMessage(), e);
    }
    watchdog = new Thread(this::watch, "capture-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    state = "running";
    LOG.info("capturing {} at {}x{} with the DevTools screencast (headless Chromium, no X server)", config.pageUrl(),
        config.width(), config.height());
  }

  private void launch() throws Exception {
    HeadlessChromium b = new HeadlessChromium(config.width(), config.height());
    browser = b;
    b.start(config.pageUrl(), this::onEvent, Duration.ofSeconds(20));
  }

  /** On the WebSocket's thread: acknowledge at once, keep only the newest picture, wake the decoder. */
  private void onEvent(JsonObject msg) {
    if (!"Page.screencastFrame".equals(msg.getString("method"))) {
      return;
    }
    JsonObject p = msg.getJsonObject("params");
    HeadlessChromium b = browser;
    if (b != null) {
      b.ack(p.getInteger("sessionId"));
    }
    received.incrementAndGet();
    if (!ofOurSize(p.getJsonObject("metadata"))) {
      misfit.incrementAndGet();
      return;
    }
    newestJpeg.set(p.getString("data"));
    arrived.release();
  }

  /**
   * While the size override takes effect Chromium can send a picture of the window's own viewport (87 px shorter in
   * new headless mode); stretched to our size it would put a distorted page on air, so such pictures are dropped.
   */
  private boolean ofOurSize(JsonObject metadata) {
    if (metadata == null) {
      return true;
    }
    double w = metadata.getDouble("deviceWidth", (double) config.width());
    double h = metadata.getDouble("deviceHeight", (double) config.height());
    return Math.abs(w - config.width()) < 1 && Math.abs(h - config.height()) < 1;
  }

  private void decodeLoop() {
    while (running) {
      try {
        if (!arrived.tryAcquire(500, TimeUnit.MILLISECONDS)) {
          continue;
        }
        arrived.drainPermits();
        String data = newestJpeg.getAndSet(null);
        if (data == null) {
          continue;
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
        if (img == null) {
          continue;
        }
        long now = System.nanoTime();
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR || img.getWidth() != config.width()
            || img.getHeight() != config.height()) {
          Graphics2D g = scaled.createGraphics(); // a picture of another size or layout: fit it to ours
          g.drawImage(img, 0, 0, config.width(), config.height(), null);
          g.dispose();
          bgr = scaled;
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        ring.copyIntoWritable(ByteBuffer.wrap(pixels), config.width() * 3);
        ring.publish(now);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.warn("screencast picture not decoded: {}", e.toString());
      }
    }
  }

  /** Restarts a browser that died or whose DevTools connection dropped; the last picture stays meanwhile. */
  private void watch() {
    long since = System.nanoTime();
    long frames = ring.lastSequence();
    while (running) {
      X11Capture.sleep(250);
      long now = System.nanoTime();
      if (now - since >= 1_000_000_000L) {
        long f = ring.lastSequence();
        fps = Math.round((f - frames) * 1e10 / (now - since)) / 10.0;
        frames = f;
        since = now;
      }
      HeadlessChromium b = browser;
      if (!running || b == null || b.alive()) {
        continue;
      }
      LOG.warn("screencast browser gone; restarting it");
      state = "restarting";
      b.close();
      try {
        launch();
        restarts++;
        state = "running";
      } catch (Exception e) {
        LOG.error("screencast restart failed: {}", e.getMessage());
        X11Capture.sleep(1000);
      }
    }
  }

  @Override
  public CapturedFrame newest() {
    return ring.newest();
  }

  @Override
  public JsonObject status() {
    long last = ring.lastPublishedNanos();
    HeadlessChromium b = browser;
    return new JsonObject()
        .put("state", state)
        .put("capture", "screencast")
        .put("frameAgeMs", last == 0 ? null : (System.nanoTime() - last) / 1_000_000)
        .put("frames", ring.lastSequence())
        .put("received", received.get())
        .put("misfit", misfit.get())
        .put("restarts", restarts)
        .put("browser", b != null && b.alive() ? "running" : "restarting")
        .put("fps", fps)
        .put("page", b != null && b.alive() ? "ok" : "loading")
        .put("url", config.pageUrl())
        .put("size", config.width() + "x" + config.height());
  }

  @Override
  public synchronized void close() {
    running = false;
    for (Thread t : new Thread[] {watchdog, decoder}) {
      if (t != null) {
        t.interrupt();
        try {
          t.join(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    HeadlessChromium b = browser;
    if (b != null) {
      b.close();
    }
    if (!"failed".equals(state)) {
      state = "stopped";
    }
  }
}
