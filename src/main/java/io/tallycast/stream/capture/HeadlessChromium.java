package io.tallycast.stream.capture;

import io.tallycast.process.ChromiumProcesses;
import io.tallycast.process.OwnSession;
import io.tallycast.process.OwnedProcesses;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium started directly (no chromedriver: the screencast needs only DevTools), with its DevTools port
 * chosen by Chromium ({@code --remote-debugging-port=0}, read back from the profile's DevToolsActivePort file), a
 * viewport of exactly width x height (new headless mode takes 87 px off the window, so the size is set with
 * Emulation.setDeviceMetricsOverride), and the screencast started on the page.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);

  private final int width;
  private final int height;
  private final Path profile;
  private Process process;
  private DevToolsSocket page;

  HeadlessChromium(int width, int height) throws IOException {
    this.width = width;
    this.height = height;
    this.profile = OwnedProcesses.claimFolder("screencast");
  }

  void start(String url, Consumer<JsonObject> events, Duration timeout) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(OwnSession.command(List.of(KioskBrowser.CHROMIUM.toString(),
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--window-size=" + width + "," + height, "--force-color-profile=srgb",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--autoplay-policy=no-user-gesture-required", "--disable-features=Translate",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        url)));
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    process = pb.start();
    OwnedProcesses.note(profile, process.toHandle());
    long deadline = System.nanoTime() + timeout.toNanos();
    Path portFile = profile.resolve("DevToolsActivePort");
    String port = null;
    while (port == null && System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("headless Chromium exited with " + process.exitValue());
      }
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        port = lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
      }
      if (port == null) {
        Thread.sleep(50);
      }
    }
    if (port == null) {
      throw new IOException("headless Chromium opened no DevTools port within " + timeout.toSeconds() + " s");
    }
    Duration step = Duration.ofSeconds(10);
    while (true) {
      // while the first page loads its target can swap renderers and commands fail with "Not attached to an
      // active page": connect again until the whole set-up goes through
      page = DevToolsSocket.toPage("127.0.0.1:" + port, url, events);
      try {
        page.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", width).put("height", height)
            .put("deviceScaleFactor", 1).put("mobile", false), step);
        page.call("Page.enable", new JsonObject(), step);
        page.call("Page.startScreencast", new JsonObject().put("format", "jpeg").put("quality", 85)
            .put("maxWidth", width).put("maxHeight", height).put("everyNthFrame", 1), step);
        break;
      } catch (Exception e) {
        page.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
    LOG.info("headless Chromium (pid {}) screencasting {} at {}x{}", process.pid(), url, width, height);
  }

  /** Acknowledges a screencast picture at once, without waiting for the answer: Chromium sends the next after it. */
  void ack(int sessionId) {
    DevToolsSocket p = page;
    if (p != null) {
      p.send("Page.screencastFrameAck", new JsonObject().put("sessionId", sessionId));
    }
  }

  boolean alive() {
    return process != null && process.isAlive() && page != null && page.isOpen();
  }

  @Override
  public void close() {
    if (page != null) {
      page.close();
    }
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ChromiumProcesses.killAll(profile);
    OwnedProcesses.delete(profile);
  }
}
