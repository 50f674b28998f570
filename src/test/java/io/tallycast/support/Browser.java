package io.tallycast.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver (paths set explicitly, so Selenium Manager never runs), headless,
 * with a viewport of exactly the size asked for. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A headless Chromium whose page area is width x height CSS pixels at scale 1. */
  public static Browser open(int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("the browser tests need Debian's Chromium and chromedriver: "
          + "apt-get install -y chromium chromium-driver fonts-noto-core (./tallycast test installs them as root)");
    }
    try {
      Path profile = io.tallycast.process.OwnedProcesses.claimFolder("chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-quic", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a Chromium profile folder: " + e.getMessage(), e);
    }
  }

  public Browser go(String url) {
    driver.get(url);
    return this;
  }

  public WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(25));
  }

  /** Runs a script in the page and returns its result (Selenium's conversions: Long, Double, String, List, Map). */
  public Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Saves what the page shows now as target/screenshots/NAME.png and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      io.tallycast.process.OwnedProcesses.delete(profile);
    }
  }
}
