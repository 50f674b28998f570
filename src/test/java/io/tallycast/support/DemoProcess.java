package io.tallycast.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** `tallycast demo` in a JVM of its own, so a test can kill -9 it. Its output is kept for assertions. */
public final class DemoProcess implements AutoCloseable {
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private DemoProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "demo-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static DemoProcess start(Path dataDir, String... args) throws IOException {
    return start(List.of(), dataDir, args);
  }

  /** With JVM options, e.g. a machine without a UTF-8 locale: {@code -Dfile.encoding=US-ASCII}. */
  public static DemoProcess start(List<String> jvmOptions, Path dataDir, String... args) throws IOException {
    return new DemoProcess(new ProcessBuilder(command(jvmOptions, dataDir, args)).redirectErrorStream(true).start());
  }

  /**
   * As {@code env -i PATH=/usr/bin:/bin ./tallycast demo ...} runs it: no LANG, no LC_*, no HOME, so the JVM's
   * default charset is ASCII, as on a fresh Debian machine without a locale.
   */
  public static DemoProcess startWithoutEnvironment(Path dataDir, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(List.of(), dataDir, args)).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    return new DemoProcess(builder.start());
  }

  /**
   * As a demo started from a terminal: the leader of a process group of its own (via setsid), so that
   * {@link #pressCtrlC()} signals it and every helper it started in that group at once, as the terminal does.
   */
  public static DemoProcess startAsTerminalJob(Path dataDir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/setsid"));
    command.addAll(command(List.of(), dataDir, args));
    return new DemoProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** SIGINT to the whole process group, as Ctrl-C in a terminal sends it; then waits for the end (bounded). */
  public int pressCtrlC() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the demo did not stop within 60 s of Ctrl-C");
    }
    return process.exitValue();
  }

  private static List<String> command(List<String> jvmOptions, Path dataDir, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tallycast.Main", "demo", "--data-dir",
        dataDir.toString()));
    command.addAll(List.of(args));
    return command;
  }

  public List<String> output() {
    return output;
  }

  /** SIGKILL: no shutdown hook, no clean stop. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
