package io.tallycast.cli;

import io.tallycast.app.Runtime;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import java.io.Reader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The replay results website on its own: for rehearsals, or to point another tallycast at. */
@Command(name = "replay-site", mixinStandardHelpOptions = true,
    description = "Serves a counting day replayed from final results, in the ECI page layout, with fault switches.")
public final class ReplaySiteCommand implements Callable<Integer> {

  @Option(names = "--results", description = "final results CSV (ac_no,ac_name,district,candidate,party,votes); "
      + "default: the embedded West Bengal 2021 results")
  Path results;

  @Option(names = "--parties", description = "party table CSV (code,name,color,aliases); default: the embedded one")
  Path parties;

  @Option(names = "--speed", defaultValue = "1", description = "replay speed (1 = real time). Default: ${DEFAULT-VALUE}")
  double speed;

  @Option(names = "--port", defaultValue = "8090", description = "port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--seed", defaultValue = "2021", description = "same seed, same counting day")
  long seed;

  @Option(names = "--state-file", description = "keep the replay clock here so a restart resumes it")
  Path stateFile;

  @Override
  public Integer call() throws Exception {
    ElectionData election = load();
    Runtime runtime = Runtime.create();
    ReplaySite site = ReplaySite.start(runtime.vertx(), election, ReplayOptions.defaults().withPort(port)
        .withSpeed(speed).withSeed(seed).withStateFile(stateFile)).await();
    System.out.printf("replay site  %sstatewiseS%d1.htm%nfaults       http://127.0.0.1:%d/_replay/faults%n"
        + "clock        http://127.0.0.1:%d/_replay/clock%n", site.baseUrl(), election.stateCode(), site.port(), site.port());
    Shutdown.awaitSignal(runtime::close);
    return 0;
  }

  private ElectionData load() throws Exception {
    if (results == null && parties == null) {
      return ElectionData.westBengal2021();
    }
    ElectionData embedded = ElectionData.westBengal2021();
    PartyRegistry registry = embedded.parties();
    if (parties != null) {
      try (Reader in = ElectionData.file(parties)) {
        registry = PartyRegistry.fromCsv(in);
      }
    }
    if (results == null) {
      throw new IllegalArgumentException("--parties needs --results");
    }
    try (Reader in = ElectionData.file(results)) {
      ElectionData data = ElectionData.fromCsv(embedded.state(), embedded.stateCode(), registry, in, null, 0);
      if (data.finals().size() != data.seats().size()) {
        throw new IllegalArgumentException(results + ": every seat needs candidate rows to be replayed");
      }
      return data;
    }
  }
}
