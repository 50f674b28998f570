package io.tallycast.report;

import io.tallycast.bus.BroadcastEnded;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.report.mail.Letter;
import io.tallycast.report.mail.MailUpdates;
import io.tallycast.report.mail.ReportMailer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The night's report, made when a channel goes off air ({@link Contract#BROADCAST_ENDED}, sent by the store once all
 * it said is committed) and mailed where configured; made again when a platform's own figures arrive afterwards
 * ({@link Contract#PLATFORM_TOTALS_STORED}, once the store has them). Making it (SQLite, charts, Chromium's print to
 * PDF) runs on a worker of its own, one at a time, never on the event loop. A report that could not be made, or not
 * mailed, stays a health entry ("report"); a report that was made stays on disk whatever the mail does.
 */
public final class ReportVerticle extends VerticleBase {
  public static final String PART = "report";
  private static final Logger LOG = LoggerFactory.getLogger(ReportVerticle.class);

  private final ReportSettings settings;
  private final Path dataDir;
  private WorkerExecutor worker;
  /** The reports being made: stopping waits for them (a Ctrl-C stops the stream, whose report is then made). */
  private Future<?> inFlight = Future.succeededFuture();
  private boolean stopping;
  private ReportMailer mailer;
  private Long lastBroadcast;
  private Instant lastMade;
  private Path lastFile;

  public ReportVerticle(ReportSettings settings, Path dataDir) {
    this.settings = settings;
    this.dataDir = dataDir;
  }

  @Override
  public Future<?> start() {
    worker = vertx.createSharedWorkerExecutor("tallycast-report", 1);
    settings.mail().ifPresent(m -> mailer = new ReportMailer(vertx, m));
    Bus bus = Bus.of(vertx);
    bus.subscribe(Contract.BROADCAST_ENDED, this::ended);
    bus.subscribe(Contract.PLATFORM_TOTALS_STORED, this::totals);
    health(HealthReport.Status.OK, null, "no broadcast has ended yet");
    if (mailer != null && settings.mail().get().updateEvery() != null) {
      return vertx.deployVerticle(new MailUpdates(mailer, settings.mail().get().updateEvery(), this::update));
    }
    return Future.succeededFuture();
  }

  private void ended(BroadcastEnded ended) {
    lastBroadcast = ended.id();
    if (stopping) {
      // the engine is stopping past this part already: the store has it all, the command makes it any time
      LOG.info("report of broadcast {} not made while stopping: ./tallycast report --broadcast {} makes it",
          ended.id(), ended.id());
      return;
    }
    make(ended.id(), true).onSuccess(made -> {
      if (mailer != null) {
        List<Path> attachments = new ArrayList<>();
        attachments.add(made.pdf() != null ? made.pdf() : made.html());
        mailer.send(new Letter("Night report: " + title(made.summary()), made.summary().headlineText(),
            attachments)).onFailure(e -> LOG.warn("report not mailed: {} (it is at {})", e.getMessage(),
            made.pdf() != null ? made.pdf() : made.html()));
      }
    });
  }

  /** A platform's own figures arrived after the night: the last report is made again with them. */
  private void totals(PlatformTotals totals) {
    if (lastBroadcast != null) {
      make(lastBroadcast, false);
    }
  }

  /** The short update during the night: the figures so far, no attachment. */
  private Future<Letter> update() {
    return blocking(() -> NightReport.make(new NightReport.Request(dataDir,
        settings.directory(dataDir).resolve("update.html"), null, settings.zone())))
        .map(made -> new Letter("Update: " + title(made.summary()), made.summary().headlineText(), List.of()));
  }

  private static String title(Summary summary) {
    return summary.election() + (summary.channel() == null ? "" : ", channel " + summary.channel());
  }

  private Future<NightReport.Made> make(long broadcast, boolean announce) {
    Path out = settings.directory(dataDir).resolve("broadcast-" + broadcast + (settings.pdf() ? ".pdf" : ".html"));
    return blocking(() -> NightReport.make(new NightReport.Request(dataDir, out, broadcast, settings.zone())))
        .onSuccess(made -> {
          lastMade = Instant.now();
          lastFile = made.pdf() != null ? made.pdf() : made.html();
          if (announce) {
            LOG.info("report of broadcast {} made: {}", broadcast, lastFile);
          }
          health(HealthReport.Status.OK, null, "broadcast " + broadcast);
        }).onFailure(e -> {
          LOG.error("report of broadcast {} not made: {}", broadcast, e.getMessage(), e);
          health(HealthReport.Status.DEGRADED, "report of broadcast " + broadcast + " not made: " + e.getMessage(),
              null);
        });
  }

  /** On the report's own worker, one at a time; refused once stopping (the worker is closing). */
  private Future<NightReport.Made> blocking(java.util.concurrent.Callable<NightReport.Made> work) {
    if (stopping) {
      return Future.failedFuture("stopping: no new report");
    }
    Future<NightReport.Made> made = worker.executeBlocking(work, true);
    inFlight = Future.join(inFlight, made);
    return made;
  }

  private void health(HealthReport.Status status, String error, String note) {
    JsonObject details = new JsonObject().put("lastReport", lastFile == null ? null : lastFile.toString())
        .put("lastMade", lastMade == null ? null : lastMade.toString()).put("note", note)
        .put("mail", mailer != null);
    new HealthReport(PART, status, lastMade, error, error == null ? null : Instant.now(), details).publish(vertx);
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return worker == null ? Future.succeededFuture() : inFlight.transform(done -> worker.close());
  }
}
