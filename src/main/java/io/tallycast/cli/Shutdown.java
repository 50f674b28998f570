package io.tallycast.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a long-running command alive until Ctrl-C (SIGINT/SIGTERM), then runs its clean stop once. */
final class Shutdown {
  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

  interface Stop {
    void run() throws Exception;
  }

  private Shutdown() {
  }

  static void awaitSignal(Stop stop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      try {
        stop.run();
      } catch (Exception e) {
        LOG.warn("clean stop failed: {}", e.toString());
      } finally {
        stopped.countDown();
      }
    }, "tallycast-shutdown"));
    stopped.await();
  }
}
