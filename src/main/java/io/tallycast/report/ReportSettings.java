package io.tallycast.report;

import io.tallycast.report.mail.MailConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The night's report as a run makes it: where (default DATA_DIR/reports), in which time zone its clock times are,
 * PDF or HTML, and to whom it is mailed. From the {@code report:} section of the election file:
 *
 * <pre>
 * report:
 *   dir: reports                 # relative to the data dir; default: reports
 *   zone: Asia/Kolkata           # clock times in the report; default Asia/Kolkata (ECI's times are IST)
 *   format: pdf                  # pdf (Chromium prints the HTML) or html
 *   mail:                        # optional: see MailConfig
 *     host: smtp.example.com
 *     ...
 * </pre>
 * The demo and a run without the section make PDF reports under DATA_DIR/reports and mail nothing.
 */
public record ReportSettings(String dir, ZoneId zone, boolean pdf, Optional<MailConfig> mail) {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");

  /** The section as written. */
  public record Yaml(String dir, String zone, String format, MailConfig.Raw mail) {
  }

  public static ReportSettings defaults() {
    return new ReportSettings(null, DEFAULT_ZONE, true, Optional.empty());
  }

  public static ReportSettings parse(Yaml yaml, Path base) throws IOException {
    if (yaml == null) {
      return defaults();
    }
    ZoneId zone;
    try {
      zone = yaml.zone() == null || yaml.zone().isBlank() ? DEFAULT_ZONE : ZoneId.of(yaml.zone().strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("report.zone: no time zone '" + yaml.zone() + "' (e.g. Asia/Kolkata)", e);
    }
    String format = yaml.format() == null ? "pdf" : yaml.format().strip().toLowerCase(Locale.ROOT);
    if (!format.equals("pdf") && !format.equals("html")) {
      throw new IllegalArgumentException("report.format: pdf or html, not '" + yaml.format() + "'");
    }
    Optional<MailConfig> mail;
    try {
      mail = yaml.mail() == null ? Optional.empty() : Optional.of(MailConfig.parse(yaml.mail(), base));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("report." + e.getMessage(), e);
    }
    return new ReportSettings(yaml.dir(), zone, format.equals("pdf"), mail);
  }

  /** Where the reports go: {@code dir} under the data dir, or DATA_DIR/reports. */
  public Path directory(Path dataDir) {
    return dataDir.resolve(dir == null || dir.isBlank() ? "reports" : dir.strip());
  }

  public ReportSettings withMail(MailConfig value) {
    return new ReportSettings(dir, zone, pdf, Optional.of(value));
  }
}
