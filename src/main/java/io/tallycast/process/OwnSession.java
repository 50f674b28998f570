package io.tallycast.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a helper process (Xvfb, the headless browser) in a session of its own. Ctrl-C in a terminal signals the whole
 * foreground process group at once: the X server would die under a running capture, and the stop would look like a
 * crash to the watchdog. In its own session only the JVM gets the signal, and it stops the helpers in order.
 * {@code setsid} (util-linux, on every Debian) execs in place, so the process id stays the helper's own.
 */
public final class OwnSession {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private OwnSession() {
  }

  public static List<String> command(List<String> command) {
    if (!Files.isExecutable(SETSID)) {
      return command;
    }
    List<String> out = new ArrayList<>(command.size() + 1);
    out.add(SETSID.toString());
    out.addAll(command);
    return out;
  }
}
