package io.tallycast.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `tallycast node --config FILE` in a JVM of its own (this JVM's java and class path), so a test can kill -9 it. */
final class NodeProcess implements AutoCloseable {
  private static final Pattern API = Pattern.compile("results API\\s+(http://\\S+)/api/states");
  private static final Pattern TOKEN = Pattern.compile("token\\s+(\\S+)\\s+\\(operator token: shown only now");
  final String name;
  private final Path config;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private Process process;

  private NodeProcess(String name, Path config) {
    this.name = name;
    this.config = config;
  }

  /** The configuration of one node on loopback, with its own ports and data dir. */
  static NodeProcess configure(Path dir, String name, int apiPort, int clusterPort, List<Integer> memberPorts,
                               boolean startAlone, String siteUrl) throws IOException {
    return configure(dir, name, apiPort, clusterPort, memberPorts, startAlone, siteUrl, "may2021");
  }

  /** The same for one of the elections the build carries ({@code election.embedded}). */
  static NodeProcess configure(Path dir, String name, int apiPort, int clusterPort, List<Integer> memberPorts,
                               boolean startAlone, String siteUrl, String election) throws IOException {
    return configure(dir, name, apiPort, clusterPort, memberPorts, startAlone, siteUrl, election, 0.2, "");
  }

  /** The same, scraping every {@code intervalSeconds}, with {@code moreYaml} (top-level sections) at the end. */
  static NodeProcess configure(Path dir, String name, int apiPort, int clusterPort, List<Integer> memberPorts,
                               boolean startAlone, String siteUrl, String election, double intervalSeconds,
                               String moreYaml) throws IOException {
    Path data = Files.createDirectories(dir.resolve(name));
    StringBuilder members = new StringBuilder();
    memberPorts.forEach(p -> members.append("\n    - 127.0.0.1:").append(p));
    String yaml = """
        election:
          embedded: %s
        source:
          baseUrl: %s
          intervalSeconds: %s
          timeoutSeconds: 2
          maxBackoffSeconds: 0.5
        dataDir: %s
        host: 127.0.0.1
        port: %d
        cluster:
          name: %s
          host: 127.0.0.1
          port: %d
          startAlone: %s
          joinTimeoutSeconds: 60
          failureDetectionSeconds: 5
          members:%s
        """.formatted(election, siteUrl, intervalSeconds, data, apiPort, name, clusterPort, startAlone, members)
        + moreYaml;
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, yaml);
    return new NodeProcess(name, config);
  }

  NodeProcess start() throws IOException {
    output.clear();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "io.tallycast.Main", "node", "--config", config.toString());
    process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    Process mine = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(mine.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, name + "-output");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  /** The API's root once the node said it listens, else null. */
  String api() {
    for (String line : output) {
      Matcher m = API.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** The operator token the node printed when it made it (its first start). */
  String operatorToken() {
    for (String line : output) {
      Matcher m = TOKEN.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new IllegalStateException(name + " printed no operator token: " + output);
  }

  /** The exit code once the process ended within the bound; -1 while it still runs. */
  int waitFor(java.time.Duration bound) throws InterruptedException {
    return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  List<String> output() {
    return output;
  }

  /** SIGKILL: no shutdown hook, no hand-over. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * The machine dies under the node: SIGKILL to the JVM and, at the same moment, to the helpers it started (Xvfb,
   * chromedriver, Chromium), which a dead machine would not keep running either.
   */
  void kill9WithHelpers() throws InterruptedException {
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroyForcibly();
    helpers.forEach(ProcessHandle::destroyForcibly);
    process.waitFor();
  }

  /** Resident memory of the process (kB), from /proc. */
  long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A stop as Ctrl-C makes it; helpers still running after it (a node killed at the end) are killed too. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      List<ProcessHandle> helpers = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
