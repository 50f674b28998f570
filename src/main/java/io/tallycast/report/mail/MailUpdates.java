package io.tallycast.report.mail;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short update mails during the night, one every {@code every} while deployed: the caller makes each letter (the
 * current figures), the mailer sends it. A failed update is only health: the timer keeps going. An update still being
 * sent (retrying) when the next is due is not doubled: that tick is skipped.
 */
public final class MailUpdates extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MailUpdates.class);

  private final ReportMailer mailer;
  private final Duration every;
  private final Supplier<Future<Letter>> letters;
  private long timer = -1;
  private volatile boolean sending;

  public MailUpdates(ReportMailer mailer, Duration every, Supplier<Future<Letter>> letters) {
    if (every == null || every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("mail updates need a positive interval");
    }
    this.mailer = mailer;
    this.every = every;
    this.letters = letters;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(Math.max(1, every.toMillis()), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void tick() {
    if (sending) {
      LOG.info("{}: the last update is still being sent; this one is skipped", ReportMailer.PART);
      return;
    }
    sending = true;
    Future<Letter> letter;
    try {
      letter = letters.get();
    } catch (RuntimeException e) {
      letter = Future.failedFuture(e);
    }
    letter.onFailure(e -> mailer.updateNotMade(String.valueOf(e.getMessage())))
        .compose(mailer::send)
        .onComplete(done -> sending = false);
  }
}
