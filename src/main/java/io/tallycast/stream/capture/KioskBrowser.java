package io.tallycast.stream.capture;

import io.tallycast.process.ChromiumProcesses;
import io.tallycast.process.OwnedProcesses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium in kiosk mode on our X display, driven by Debian's chromedriver (paths explicit so Selenium
 * Manager never runs). Every Selenium call runs on this browser's own thread and is awaited with a time limit: a page
 * stuck in a loop makes chromedriver wait forever, and the watchdog must never wait with it.
 * One instance is one browser life; a restart makes a new instance with a fresh profile.
 */
final class KioskBrowser implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskBrowser.class);
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "capture-browser");
    t.setDaemon(true);
    return t;
  });
  private final Path profile;
  private final String url;
  private final int width;
  private final int height;
  private volatile ChromeDriver driver;
  private volatile ChromeDriverService service;
  private volatile ProcessHandle browserProcess;
  private volatile String debuggerAddress;
  private DevToolsSocket page;

  KioskBrowser(String url, int width, int height) throws IOException {
    this.url = url;
    this.width = width;
    this.height = height;
    this.profile = OwnedProcesses.claimFolder("kiosk");
  }

  static void checkInstalled() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("capture needs Debian's Chromium and chromedriver: "
          + "apt-get install -y chromium chromium-driver fonts-noto-core");
    }
  }

  /** Starts the browser on the display, opens the page and makes the viewport exactly width x height. */
  void start(String display, Duration timeout) throws Exception {
    call(() -> {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--kiosk", "--no-sandbox", "--window-position=0,0",
          "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--hide-scrollbars",
          "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
          "--autoplay-policy=no-user-gesture-required", "--disable-features=Translate",
          "--force-color-profile=srgb", "--disable-infobars", "--user-data-dir=" + profile);
      // no "controlled by automated test software" bar over the page
      options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
      service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().withEnvironment(Map.of("DISPLAY", display)).build();
      // a bounded HTTP read: chromedriver never answers while a page spins in a loop
      ClientConfig client = ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(15));
      driver = new ChromeDriver(service, options, client);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
      // chromedriver reports the browser's process id; the profile scan is the fallback
      Object pid = driver.getCapabilities().getCapability("goog:processID");
      browserProcess = (pid instanceof Number n ? ProcessHandle.of(n.longValue())
          : java.util.Optional.<ProcessHandle>empty())
          .or(() -> ChromiumProcesses.browser(profile)).orElse(null);
      if (browserProcess != null) { // chromedriver (the browser's parent) too: it outlives a JVM killed hard
        browserProcess.parent().ifPresent(driverProcess -> OwnedProcesses.note(profile, driverProcess));
        OwnedProcesses.note(profile, browserProcess);
      }
      driver.get(url);
      fitViewport();
      Object opts = driver.getCapabilities().getCapability("goog:chromeOptions");
      Object address = opts instanceof Map<?, ?> m ? m.get("debuggerAddress") : null;
      if (address == null) {
        throw new IllegalStateException("chromedriver gave no DevTools address");
      }
      debuggerAddress = address.toString();
      return null;
    }, timeout);
    LOG.info("kiosk Chromium on {} (pid {}) shows {}", display, pid(), url);
  }

  /** Kiosk windows on a bare X server come out a pixel off; measure the page area and correct the window once. */
  private void fitViewport() {
    for (int attempt = 0; attempt < 3; attempt++) {
      List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
      int w = ((Number) inner.get(0)).intValue();
      int h = ((Number) inner.get(1)).intValue();
      if (w == width && h == height) {
        return;
      }
      Dimension outer = driver.manage().window().getSize();
      LOG.info("viewport is {}x{}, want {}x{}: resizing the window", w, h, width, height);
      driver.manage().window().setSize(new Dimension(outer.width + width - w, outer.height + height - h));
    }
    List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    LOG.warn("viewport stays {}x{} instead of {}x{}", inner.get(0), inner.get(1), width, height);
  }

  /**
   * Asks the page for [readyState, performance.now()] through DevTools without waiting: the watchdog checks the
   * answer on its next ticks, and an answer that does not come means a page that no longer runs. DevTools rather than
   * Selenium: chromedriver queues every later command behind a hung page, and refuses a crashed tab for good.
   */
  CompletableFuture<Heartbeat> heartbeat() {
    try {
      return devTools().send("Runtime.evaluate", new JsonObject()
              .put("expression", "[document.readyState, performance.now()]").put("returnByValue", true))
          .thenApply(r -> {
            JsonArray v = r.getJsonObject("result").getJsonArray("value");
            return new Heartbeat(v.getString(0), v.getDouble(1));
          });
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private synchronized DevToolsSocket devTools() throws Exception {
    if (page == null || !page.isOpen()) {
      if (page != null) {
        page.close();
      }
      page = DevToolsSocket.toPage(debuggerAddress, url, null);
    }
    return page;
  }

  record Heartbeat(String readyState, double pageClockMs) {
  }

  /**
   * Reloads the page. A page stuck in a loop cannot run anything, not even a reload request, so its renderer is
   * killed first; DevTools then loads the page again in a new renderer, and we wait until it has loaded.
   */
  void reload(Duration timeout) throws Exception {
    // a page in a loop leaves the browser answering; a browser that does not answer either is frozen as a whole
    // (stopped, hung) and only a restart helps: no time spent killing renderers and waiting for a navigation
    if (debuggerAddress != null && !DevToolsSocket.browserAnswers(debuggerAddress, Duration.ofSeconds(2))) {
      throw new TimeoutException("the browser itself did not answer DevTools within 2000 ms");
    }
    ProcessHandle b = browserProcess;
    if (b != null) {
      for (ProcessHandle r : ChromiumProcesses.renderers(b)) {
        r.destroyForcibly();
        try {
          r.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // reaped later by the browser
        }
      }
      Thread.sleep(300); // a navigation sent before the browser has seen the crash goes to the dead renderer
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        // a live browser answers a navigation at once; one that does not is frozen as a whole (stopped, hung) and
        // only a restart helps: waiting the whole timeout would leave the frozen picture on air that much longer
        devTools().call("Page.navigate", new JsonObject().put("url", url), ANSWER_TIMEOUT);
      } catch (TimeoutException e) {
        throw new TimeoutException("the browser did not answer DevTools within " + ANSWER_TIMEOUT.toMillis() + " ms");
      }
      long attemptEnd = Math.min(deadline, System.nanoTime() + 5_000_000_000L);
      while (System.nanoTime() < attemptEnd) {
        try {
          if ("complete".equals(heartbeat().get(1, TimeUnit.SECONDS).readyState())) {
            return;
          }
        } catch (Exception notYet) {
          // the new renderer is still starting
        }
        Thread.sleep(100);
      }
    }
    throw new TimeoutException("the page did not load again within " + timeout.toMillis() + " ms");
  }

  boolean alive() {
    ProcessHandle b = browserProcess;
    return b != null && OwnedProcesses.running(b) && service != null && service.isRunning();
  }

  long pid() {
    ProcessHandle b = browserProcess;
    return b == null ? -1 : b.pid();
  }

  String debuggerAddress() {
    return debuggerAddress;
  }

  Path profile() {
    return profile;
  }

  Optional<ChromeDriver> driver() {
    return Optional.ofNullable(driver);
  }

  private <T> T call(Callable<T> work, Duration timeout) throws Exception {
    Future<T> f = calls.submit(work);
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new TimeoutException("the browser did not answer within " + timeout.toMillis() + " ms");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  @Override
  public void close() {
    close(true);
  }

  /**
   * Quits the driver (bounded; skipped when the browser is known dead, since chromedriver would wait for it), kills
   * whatever of this browser is left and removes its profile.
   */
  void close(boolean polite) {
    synchronized (this) {
      if (page != null) {
        page.close();
        page = null;
      }
    }
    ChromeDriver d = polite ? driver : null;
    driver = null;
    Thread quitter = new Thread(() -> {
      try {
        if (d != null) {
          d.quit();
        }
      } catch (RuntimeException ignored) {
        // a dead browser cannot quit politely; it is killed below
      }
    }, "capture-browser-quit");
    quitter.setDaemon(true);
    quitter.start();
    try {
      quitter.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChromiumProcesses.killAll(profile);
    ChromeDriverService s = service;
    if (s != null) {
      s.stop();
    }
    calls.shutdownNow();
    OwnedProcesses.delete(profile);
  }
}
