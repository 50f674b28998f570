package io.tallycast.stream.capture;

import io.tallycast.process.OwnedProcesses;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the capture: Xvfb + kiosk Chromium + x11grab where an X server can run (cheapest by far), else the headless
 * DevTools screencast. Says which in the log. The source comes back started. First it stops what a capture of a
 * killed run left running.
 */
public final class Captures {
  private static final Logger LOG = LoggerFactory.getLogger(Captures.class);

  private Captures() {
  }

  public static FrameSource open(CaptureConfig config) throws Exception {
    return open(config, () -> false);
  }

  /**
   * As {@link #open(CaptureConfig)}; an X11 capture that failed because the engine began to stop meanwhile (Ctrl-C
   * reaches the kiosk browser too) is no reason to start another kind: the failure is passed on.
   */
  public static FrameSource open(CaptureConfig config, BooleanSupplier stopping) throws Exception {
    OwnedProcesses.sweep(); // a browser and X server left by a run that was killed would render on our cores
    String why;
    if (config.forceScreencast()) {
      why = "the screencast was asked for";
    } else if (!XvfbDisplay.installed()) {
      why = "Xvfb is not installed (apt-get install -y xvfb)";
    } else {
      X11Capture x11 = new X11Capture(config);
      try {
        x11.start();
        LOG.info("capture: Xvfb + kiosk Chromium + x11grab");
        return x11;
      } catch (Exception e) {
        if (stopping.getAsBoolean()) {
          throw e;
        }
        // Selenium's messages run to many lines of build and host information: the first says what failed
        why = "the X11 capture failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      }
    }
    LOG.warn("capture: headless DevTools screencast, because {} (costs more CPU than x11grab)", why);
    ScreencastCapture screencast = new ScreencastCapture(config);
    screencast.start();
    return screencast;
  }
}
