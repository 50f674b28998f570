package io.tallycast.stream.capture;


/** A JVM that starts a capture, says which processes it runs, then waits to be killed: a crash mid-stream. */
public final class CapturingMain {
  private CapturingMain() {
  }

  public static void main(String[] args) throws Exception {
    FrameSource capture = Captures.open(CaptureConfig.of(args[0], 640, 360, 30));
    X11Capture x11 = (X11Capture) capture;
    long browser = x11.browser.pid();
    long driver = ProcessHandle.of(browser).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
    System.out.println("capturing " + x11.xvfb.pid() + " " + browser + " " + driver + " " + x11.browser.profile());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
