package io.tallycast.metadata;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr when someone is watching (an interactive console), nothing otherwise (tests, pipes). */
public final class Progress {
  private final boolean show;

  private Progress(boolean show) {
    this.show = show;
  }

  /** Shows bars only when the JVM has a console and {@code wanted}. */
  public static Progress forConsole(boolean wanted) {
    return new Progress(wanted && System.console() != null);
  }

  public static Progress quiet() {
    return new Progress(false);
  }

  /** A bar of {@code total} steps; close it when done. */
  public Bar start(String task, long total) {
    if (!show) {
      return Bar.NONE;
    }
    return new Bar(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
  }

  /** One bar; a no-op when the console is not interactive. */
  public static final class Bar implements AutoCloseable {
    /** A bar that shows nothing. */
    public static final Bar NONE = new Bar(null);

    private final ProgressBar bar;

    private Bar(ProgressBar bar) {
      this.bar = bar;
    }

    public void step() {
      if (bar != null) {
        bar.step();
      }
    }

    public void extra(String message) {
      if (bar != null) {
        bar.setExtraMessage(message);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
