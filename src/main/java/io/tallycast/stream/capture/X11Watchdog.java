package io.tallycast.stream.capture;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the capture alive, on its own scheduled thread, every 250 ms:
 * <ul>
 *   <li>the X server died: start it again, then the browser;</li>
 *   <li>the browser process or chromedriver died: a new browser (fresh profile) on the same display;</li>
 *   <li>the grabber gave nothing for twice the stall timeout: X and browser again;</li>
 *   <li>the page heartbeat (document.readyState and performance.now() through Selenium, asked once a second) gets no
 *       answer within the stall timeout, or the page clock stops, or loading never completes: reload the page;
 *       a reload that fails restarts the browser.</li>
 * </ul>
 * During a recovery the capture holds its last good picture (the encoder repeats it).
 */
final class X11Watchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(X11Watchdog.class);
  private static final long TICK_MS = 250;
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(20);
  private static final long SETTLE_MS = 300;

  private final X11Capture capture;
  private final long stallNanos;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "capture-watchdog");
    t.setDaemon(true);
    return t;
  });
  /**
   * Set as soon as the JVM begins to stop (Ctrl-C reaches the browser and, through the terminal's process group, its
   * helpers at the same moment) or the capture closes: what dies then is being stopped, not failing.
   */
  private volatile boolean standingDown;
  private final Thread standDownOnExit = new Thread(() -> standingDown = true, "capture-watchdog-stand-down");
  private int deadTicks;
  private volatile int restarts;
  private volatile int reloads;
  private volatile String browserState = "running";
  private volatile String pageState = "ok";
  private volatile double fps;
  private Future<KioskBrowser.Heartbeat> pending;
  private long pendingSince;
  private int failedBeats;
  private long lastBeat;
  private long lastGoodBeat = System.nanoTime();
  private double lastPageClock = -1;
  private long notCompleteSince;
  private long fpsSince = System.nanoTime();
  private long fpsFrames;

  X11Watchdog(X11Capture capture) {
    this.capture = capture;
    this.stallNanos = capture.config.stallTimeout().toNanos();
  }

  void start() {
    java.lang.Runtime.getRuntime().addShutdownHook(standDownOnExit);
    timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    if (standingDown) {
      return;
    }
    try {
      measureFps();
      long now = System.nanoTime();
      if (!capture.xvfb.alive()) {
        restart("the X server " + capture.xvfb.name() + " died", true);
      } else if (!capture.browser.alive()) {
        // Ctrl-C reaches the browser (in the terminal's process group) a moment before the JVM's stop begins:
        // a death counts once it is seen on two ticks in a row with no stop under way
        if (++deadTicks >= 2) {
          restart("the browser died", false);
        }
      } else if (now - capture.lastGrabNanos.get() > 2 * stallNanos) {
        restart("x11grab gave no picture for " + (now - capture.lastGrabNanos.get()) / 1_000_000 + " ms", true);
      } else {
        deadTicks = 0;
        checkHeartbeat(now);
      }
    } catch (RuntimeException e) {
      if (!standingDown) {
        LOG.warn("capture watchdog: {}", e.toString());
      }
    }
  }

  private void checkHeartbeat(long now) {
    if (pending == null) {
      if (now - lastBeat >= 1_000_000_000L) {
        pending = capture.browser.heartbeat();
        pendingSince = now;
      }
      return;
    }
    if (!pending.isDone()) {
      if (now - pendingSince > stallNanos) {
        reload("the page gave no heartbeat for " + (now - pendingSince) / 1_000_000 + " ms");
      }
      return;
    }
    Future<KioskBrowser.Heartbeat> done = pending;
    pending = null;
    lastBeat = now;
    KioskBrowser.Heartbeat beat;
    try {
      beat = done.get();
    } catch (Exception e) {
      if (!capture.browser.alive()) {
        restart("the browser died", false);
      } else if (++failedBeats >= 3 || now - lastGoodBeat > 2 * stallNanos) {
        // several failures in a row, or failures for long (each may take seconds to time out): not a hiccup
        reload("the page heartbeat failed " + failedBeats + " times: " + e.getMessage());
      }
      return;
    }
    failedBeats = 0;
    lastGoodBeat = now;
    if (!"complete".equals(beat.readyState())) {
      notCompleteSince = notCompleteSince == 0 ? now : notCompleteSince;
      if (now - notCompleteSince > 5 * stallNanos) {
        reload("the page has been '" + beat.readyState() + "' for " + (now - notCompleteSince) / 1_000_000 + " ms");
      }
      return;
    }
    notCompleteSince = 0;
    if (beat.pageClockMs() <= lastPageClock) {
      reload("the page clock stopped at " + beat.pageClockMs());
      return;
    }
    lastPageClock = beat.pageClockMs();
    pageState = "ok";
  }

  private void reload(String why) {
    LOG.warn("capture watchdog: {}; reloading the page", why);
    pageState = "reloading";
    capture.hold = true;
    try {
      capture.browser.reload(RESTART_TIMEOUT);
      reloads++;
      resetBeat();
      capture.holdUntilNanos = System.nanoTime() + SETTLE_MS * 1_000_000;
      capture.hold = false;
      pageState = "ok";
      LOG.info("capture watchdog: page reloaded ({} reloads)", reloads);
    } catch (Exception e) {
      // a browser that could not reload its page will not quit politely either: no 5 s wait for it
      restart("the reload failed (" + e.getMessage() + ")", false, false);
    }
  }

  /** A new browser (and X server when asked or dead); the capture holds its last picture meanwhile. */
  private void restart(String why, boolean withX) {
    restart(why, withX, true);
  }

  private void restart(String why, boolean withX, boolean polite) {
    long t0 = System.nanoTime();
    LOG.warn("capture watchdog: {}; restarting the browser{}", why, withX ? " and the X server" : "");
    browserState = "restarting";
    pageState = "loading";
    capture.hold = true;
    KioskBrowser old = capture.browser;
    old.close(polite && old.alive());
    try {
      if (withX || !capture.xvfb.alive()) {
        capture.xvfb.close();
        capture.xvfb.start();
      }
      KioskBrowser fresh = new KioskBrowser(capture.config.pageUrl(), capture.config.width(),
          capture.config.height());
      capture.browser = fresh;
      fresh.start(capture.xvfb.name(), RESTART_TIMEOUT);
      restarts++;
      resetBeat();
      capture.lastGrabNanos.set(System.nanoTime()); // the grabber reconnects on its own; give it the stall time
      capture.holdUntilNanos = System.nanoTime() + SETTLE_MS * 1_000_000;
      capture.hold = false;
      browserState = "running";
      pageState = "ok";
      LOG.info("capture watchdog: browser back in {} ms ({} restarts)", (System.nanoTime() - t0) / 1_000_000,
          restarts);
    } catch (Exception e) {
      if (standingDown) {
        return; // the capture is closing under the restart: nothing failed
      }
      // stays "restarting": the next tick sees a dead browser and tries again
      LOG.error("capture watchdog: restart failed: {}", e.getMessage());
      X11Capture.sleep(1000);
    }
  }

  private void resetBeat() {
    pending = null;
    lastBeat = System.nanoTime();
    lastGoodBeat = lastBeat;
    lastPageClock = -1;
    notCompleteSince = 0;
    failedBeats = 0;
  }

  private void measureFps() {
    long now = System.nanoTime();
    if (now - fpsSince >= 1_000_000_000L) {
      long frames = capture.grabs(); // the capture's rate: a still page publishes few pictures, all is well
      fps = Math.round((frames - fpsFrames) * 1e10 / (now - fpsSince)) / 10.0;
      fpsFrames = frames;
      fpsSince = now;
    }
  }

  int restarts() {
    return restarts;
  }

  int reloads() {
    return reloads;
  }

  String browserState() {
    return browserState;
  }

  String pageState() {
    return pageState;
  }

  double fps() {
    return fps;
  }

  @Override
  public void close() {
    standingDown = true;
    try {
      java.lang.Runtime.getRuntime().removeShutdownHook(standDownOnExit);
    } catch (IllegalStateException | IllegalArgumentException alreadyStopping) {
      // the JVM is stopping (the hook has run) or start() never registered it
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(25, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
