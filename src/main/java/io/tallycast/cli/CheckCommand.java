package io.tallycast.cli;

import io.tallycast.scrape.SiteCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The operator's dry run before the night: can tallycast read this results site? */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Fetches the results site's entry pages once, politely, and prints which page types and layouts it "
        + "recognises, the states and seats, the last update, and what it cannot read and why; exit 0 when scraping "
        + "can start, 2 otherwise.")
public final class CheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "URL", description = "the site's folder (https://results.eci.gov.in/ResultAcGenMay2026/), "
      + "its index, or any of its pages")
  String url;

  @Override
  public Integer call() {
    if (!url.matches("(?i)https?://.+")) {
      System.err.println("tallycast check: '" + url + "' is not an http(s) URL");
      return 2;
    }
    SiteCheck.Report report = new SiteCheck(new BrowserHttp()).run(url);
    System.out.println("tallycast check " + url);
    int width = report.lines().stream().mapToInt(l -> l.page().length()).max().orElse(10) + 2;
    for (SiteCheck.Line line : report.lines()) {
      System.out.printf("  %-" + width + "s %-4s %s%n", line.page(), line.ok() ? "ok" : "FAIL", line.what());
    }
    System.out.println((report.usable() ? "ok: " : "not usable: ") + report.verdict());
    return report.usable() ? 0 : 2;
  }
}
