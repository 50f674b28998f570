package io.tallycast.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every line any logger writes, at any level from DEBUG up, while open: to prove a secret never reaches the logs. */
public final class RootLog implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level level = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public RootLog() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
  }

  /** Each event's formatted message, its arguments and any exception text. */
  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }
  }

  @Override
  public void close() {
    root.setLevel(level);
    root.detachAppender(appender);
  }
}
