package io.tallycast.cli;

import io.tallycast.derive.DeriveData;
import io.tallycast.derive.SourceProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Before a release: the embedded election data, derived from the third-party reference data into our formats. */
@Command(name = "derive-data", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Derives the election data tallycast embeds (parties.csv, wb2021/, wb2026/, as2021/, kl2021/, "
          + "py2021/, tn2021/, may2021/) from the third-party "
          + "reference data. Same input, same bytes.",
        "Bad input exits 2 naming file, line and problem, and writes nothing."},
    footer = {"", "Run from the project folder, then commit the result:", "  ./tallycast derive-data"})
public final class DeriveDataCommand implements Callable<Integer> {

  @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared/data",
      description = "the reference data folder. Default: ${DEFAULT-VALUE}")
  Path shared;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/elections",
      description = "where the derived files go. Default: ${DEFAULT-VALUE}")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      List<DeriveData.Written> written = DeriveData.run(shared, out);
      for (DeriveData.Written w : written) {
        stdout.printf("%9d  %s%n", w.bytes(), out.resolve(w.path()));
      }
      stdout.printf("tallycast derive-data: %d files from %s%n", written.size(), shared.toAbsolutePath().normalize());
      stdout.flush();
      return 0;
    } catch (SourceProblem e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tallycast derive-data: " + e.getMessage() + " (nothing written)");
      err.flush();
      return 2;
    }
  }
}
