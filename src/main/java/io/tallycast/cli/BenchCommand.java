package io.tallycast.cli;

import io.tallycast.scrape.ScrapeBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks that print their figures (targets are checked here, never in timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs a benchmark and prints its figures.")
public final class BenchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "WHAT", description = "scrape: a full 294-seat cycle (fetch + parse + store) and parse per page")
  String what;

  @Option(names = "--cycles", defaultValue = "20", description = "measured cycles. Default: ${DEFAULT-VALUE}")
  int cycles;

  @Option(names = "--warmups", defaultValue = "60", description = "cycles run first and not measured: the JIT needs about this many "
      + "to settle, as it has long settled on an election night. Default: ${DEFAULT-VALUE}")
  int warmups;

  @Override
  public Integer call() throws Exception {
    if (!"scrape".equals(what)) {
      System.err.println("tallycast bench: unknown benchmark '" + what + "' (known: scrape)");
      return 2;
    }
    Path work = Files.createTempDirectory("tallycast-bench");
    try {
      new ScrapeBenchmark(System.out).run(warmups, cycles, work);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
