package io.tallycast.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the processes of one Chromium by its private profile folder ({@code --user-data-dir}), which no other browser
 * on the machine shares: the browser process itself (no {@code --type=}) and its renderers. Used to watch the browser
 * (alive or not), to unstick a frozen page, and to leave nothing behind on close.
 */
public final class ChromiumProcesses {
  private ChromiumProcesses() {
  }

  public static List<ProcessHandle> all(Path profile) {
    return OwnedProcesses.withProfile(profile);
  }

  /** The browser process (the one without a --type= switch) of this profile. */
  public static Optional<ProcessHandle> browser(Path profile) {
    return all(profile).stream()
        .filter(p -> !commandLine(p).contains("--type="))
        .filter(p -> p.info().command().map(c -> c.contains("chromium") || c.contains("chrome")).orElse(true))
        .findFirst();
  }

  /** Renderer processes of this browser: they run the pages' JavaScript, so a page stuck in a loop lives there. */
  public static List<ProcessHandle> renderers(ProcessHandle browser) {
    return browser.descendants()
        .filter(p -> {
          String c = commandLine(p);
          return c.contains("--type=renderer") && !c.contains("--extension-process");
        })
        .collect(Collectors.toList());
  }

  private static String commandLine(ProcessHandle p) {
    return OwnedProcesses.commandLine(p.pid());
  }

  /** SIGKILLs every process of this profile and waits briefly for them to go. */
  public static void killAll(Path profile) {
    OwnedProcesses.stop(all(profile));
  }
}
