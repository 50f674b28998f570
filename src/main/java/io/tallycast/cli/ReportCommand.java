package io.tallycast.cli;

import io.tallycast.report.NightReport;
import io.tallycast.report.ReportSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The night's report from a data dir, after (or during) a broadcast. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes the night's report of a data dir: audience per platform and in total, the stream's "
        + "health, the biggest audience jumps with what was declared just before, the result per state and a "
        + "comparison with the earlier reports of the same data dir; as HTML, or as PDF (printed by Chromium, the "
        + "HTML beside it). Exit 0 when written, 2 on bad input, 1 when it could not be written.")
public final class ReportCommand implements Callable<Integer> {

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "the data dir the engine ran with")
  Path dataDir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "report.pdf or report.html")
  Path out;

  @Option(names = "--broadcast", paramLabel = "ID", description = "the broadcast to report (default: the latest)")
  Long broadcast;

  @Option(names = "--zone", paramLabel = "ZONE", description = "the zone of the report's clock times, e.g. UTC "
      + "(default: Asia/Kolkata, the zone of ECI's times and of the reports a run makes itself)")
  String zone;

  @Override
  public Integer call() {
    ZoneId zoneId;
    try {
      zoneId = zone == null ? ReportSettings.DEFAULT_ZONE : ZoneId.of(zone);
    } catch (DateTimeException e) {
      System.err.println("tallycast report: '" + zone + "' is not a time zone (e.g. Asia/Kolkata, UTC)");
      return 2;
    }
    try {
      NightReport.Made made = NightReport.make(new NightReport.Request(dataDir, out, broadcast, zoneId));
      System.out.println("tallycast report: wrote " + made.html() + (made.pdf() == null ? "" : " and " + made.pdf()));
      System.out.print(made.summary().headlineText());
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("tallycast report: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("tallycast report: not written: " + e.getMessage());
      return 1;
    }
  }
}
