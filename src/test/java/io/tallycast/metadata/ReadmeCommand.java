package io.tallycast.metadata;

import io.tallycast.Main;
import io.tallycast.support.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the {@code ./tallycast masks} command that a committed map folder's README gives (its first {@code sh} block),
 * on the real data in {@code ../shared/data} (the test skips without it), into a temporary folder: the tests then check
 * what that command makes, and that it is what is committed. Each folder is built once per test run.
 */
final class ReadmeCommand {
  private static final Map<String, Path> BUILT = new HashMap<>();
  private static Path root;

  private ReadmeCommand() {
  }

  /** The arguments of the README's command, without {@code ./tallycast}. */
  static List<String> arguments(String folder) {
    String readme;
    try {
      readme = Files.readString(Path.of("maps", folder, "README.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = readme.indexOf("```sh\n") + 6;
    String command = readme.substring(start, readme.indexOf("```", start)).replace("\\\n", " ").strip();
    List<String> args = new ArrayList<>(List.of(command.split("\\s+")));
    if (!args.get(0).equals("./tallycast") || !args.get(1).equals("masks")) {
      throw new IllegalStateException("maps/" + folder + "/README.md: not a ./tallycast masks command: " + command);
    }
    return args.subList(1, args.size());
  }

  /** The README's command run on the shared data; returns its output folder. */
  static synchronized Path build(String folder) throws IOException {
    List<String> args = new ArrayList<>(arguments(folder));
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("../shared/data/")) {
        args.set(i, SharedData.file(args.get(i).substring("../shared/data/".length())).toString());
      }
    }
    if (BUILT.containsKey(folder)) {
      return BUILT.get(folder);
    }
    if (root == null) {
      root = Files.createTempDirectory("tallycast-readme-maps");
      Path made = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          MapWriter.deleteTree(made);
        } catch (IOException e) {
          // a temporary folder left behind is no failure
        }
      }));
    }
    Path out = root.resolve(folder);
    args.set(args.indexOf("--out") + 1, out.toString());
    args.add("--no-progress");
    System.setProperty("java.awt.headless", "true");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    int exit = cli.execute(args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("maps/" + folder + "/README.md's command exits " + exit + ": " + stderr);
    }
    System.out.print(stdout); // the summary, for whoever reads the test log
    BUILT.put(folder, out);
    return out;
  }
}
