package io.tallycast.console;

import io.tallycast.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operator console at /console/ in a real Chromium, driven the way an operator uses it: typing into the token
 * dialog and the search box, clicking rows and buttons. Reads go through the page's stable hooks (ids, data-*).
 */
final class ConsolePage implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  final Browser browser;
  private final String base;

  private ConsolePage(Browser browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  /** A fresh browser (empty localStorage) of the console's design size, on the console. */
  static ConsolePage open(int apiPort) {
    Browser browser = Browser.open(1600, 1000);
    ConsolePage page = new ConsolePage(browser, "http://127.0.0.1:" + apiPort);
    page.load();
    return page;
  }

  ConsolePage load() {
    browser.go(base + "/console/");
    browser.waitUpTo(PATIENCE).withMessage("the console at /console/ never showed its first data (body[data-ready])")
        .until(d -> "1".equals(attribute("body", "data-ready")));
    return this;
  }

  WebDriver driver() {
    return browser.driver;
  }

  WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return browser.driver.findElements(By.cssSelector(css));
  }

  boolean present(String css) {
    return !all(css).isEmpty();
  }

  /** Read in one script: the page rebuilds parts of itself (fault switches, rows), so no element handle is kept. */
  String attribute(String css, String name) {
    return (String) browser.js("const n = document.querySelector(arguments[0]);"
        + " return n ? n.getAttribute(arguments[1]) : null;", css, name);
  }

  /** textContent (not Selenium's rendered text): what the page put there, visible or scrolled away. */
  String text(String css) {
    return (String) browser.js("const n = document.querySelector(arguments[0]); return n ? n.textContent : null;", css);
  }

  void until(java.util.function.Function<WebDriver, Boolean> condition) {
    browser.waitUpTo(PATIENCE).until(condition);
  }

  boolean tokenDialogOpen() {
    return Boolean.TRUE.equals(browser.js("return document.getElementById('token-dialog').open"));
  }

  /** Types a token into the dialog and submits it, as an operator would. */
  void enterToken(String token) {
    until(d -> tokenDialogOpen());
    WebElement input = find("#token-input");
    input.clear();
    input.sendKeys(token);
    find("#token-submit").click();
  }

  void unlock(String token) {
    enterToken(token);
    until(d -> "unlocked".equals(attribute("body", "data-operator")) && !tokenDialogOpen());
  }

  void search(String text) {
    WebElement box = find("#seat-search");
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    box.sendKeys(text);
  }

  /** Seat numbers of the table rows shown now. */
  @SuppressWarnings("unchecked")
  List<Long> visibleSeats() {
    return (List<Long>) browser.js("return [...document.querySelectorAll('#seats tbody tr[data-seat]')]"
        + ".filter(r => !r.hidden).map(r => Number(r.dataset.seat))");
  }

  /** Clicks a seat's row and waits for its override dialog with the candidates loaded. */
  void openSeat(long seat) {
    WebElement row = find("#seats tr[data-seat='" + seat + "']");
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
    row.click();
    until(d -> Boolean.TRUE.equals(browser.js("const d = document.getElementById('override-dialog');"
        + "return d.open && d.dataset.seat === String(arguments[0])"
        + " && document.querySelectorAll('#override-candidates tbody tr[data-candidate]').length > 0", seat)));
  }

  Path screenshot(String name) {
    return browser.screenshot(name);
  }

  @Override
  public void close() {
    browser.close();
  }
}
