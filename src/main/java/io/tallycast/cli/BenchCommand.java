package io.tallycast.cli;

import io.tallycast.election.ElectionData;
import io.tallycast.map.MapBenchmark;
import io.tallycast.map.MapSource;
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

  @Parameters(paramLabel = "WHAT", description = "scrape: a full 294-seat cycle (fetch + parse + store) and parse per page; "
      + "map: one seat repainted and published on the state map, against all seats")
  String what;

  @Option(names = "--cycles", description = "measured cycles (map: rounds over every seat). Default: scrape 20, map 10")
  Integer cycles;

  @Option(names = "--warmups", description = "cycles run first and not measured: the JIT needs about this many "
      + "to settle, as it has long settled on an election night. Default: scrape 60, map 10 rounds")
  Integer warmups;

  @Option(names = "--maps", description = "map: a maps folder, or classpath:/maps/west-bengal/ (the default, embedded)")
  String maps;

  @Override
  public Integer call() throws Exception {
    if (!"scrape".equals(what) && !"map".equals(what)) {
      System.err.println("tallycast bench: unknown benchmark '" + what + "' (known: scrape, map)");
      return 2;
    }
    Path work = Files.createTempDirectory("tallycast-bench");
    try {
      if ("scrape".equals(what)) {
        new ScrapeBenchmark(System.out).run(or(warmups, 60), or(cycles, 20), work);
      } else {
        MapSource source = MapSource.parse(maps == null ? "classpath:" + MapSource.WEST_BENGAL : maps, Path.of(""));
        if (!source.exists()) {
          System.err.println("tallycast bench map: no maps in " + source + " (build them with ./tallycast masks)");
          return 2;
        }
        new MapBenchmark(System.out).run(source, ElectionData.westBengal2021().parties(), or(warmups, 5), or(cycles, 10),
            work);
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
