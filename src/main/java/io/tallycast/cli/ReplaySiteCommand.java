package io.tallycast.cli;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.replay.SyntheticCounting;
import io.tallycast.web.WebConfig;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The replay results website on its own: for rehearsals, or to point another tallycast at. */
@Command(name = "replay-site", mixinStandardHelpOptions = true,
    description = "Serves a counting day in ECI's 2026 page layout and addresses, with fault switches: the real West "
        + "Bengal 2026 day as recorded (default), 2021's made up from its result, or one made up from a results file.")
public final class ReplaySiteCommand implements Callable<Integer> {

  @Option(names = "--election", defaultValue = "wb2026", description = "wb2026 (the real recorded day), wb2021, or "
      + "may2021 (the five states of 2 May 2021 on one site), or ls2024 (the Lok Sabha 2024: 36 states, 543 seats). "
      + "Default: ${DEFAULT-VALUE}")
  String electionId;

  @Option(names = "--min-dwell-ms", defaultValue = "0", description = "wall milliseconds each recorded moment stays "
      + "on the site at least, at high speeds (0 = none)")
  long minDwellMillis;

  @Option(names = "--results", description = "final results CSV (ac_no,ac_name,district,candidate,party,votes); "
      + "default: the embedded West Bengal 2021 results")
  Path results;

  @Option(names = "--parties", description = "party table CSV (code,name,color,aliases); default: the embedded one")
  Path parties;

  @Option(names = "--speed", defaultValue = "1",
      description = "replay speed (1 = real time). Default: ${DEFAULT-VALUE}")
  double speed;

  @Option(names = "--port", defaultValue = "8090", description = "port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on; 0.0.0.0 lets a tallycast "
      + "on another machine scrape it (its fault switches too). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--seed", defaultValue = "2021", description = "same seed, same counting day")
  long seed;

  @Option(names = "--state-file", description = "keep the replay clock here so a restart resumes it")
  Path stateFile;

  @Override
  public Integer call() throws Exception {
    if (!DemoCommand.ELECTIONS.contains(electionId)) {
      throw new IllegalArgumentException("--election must be one of " + DemoCommand.ELECTIONS);
    }
    List<CountingModel> days = results == null && parties == null
        ? ReplayModels.election(Election.embedded(electionId), seed) : List.of(new SyntheticCounting(load(), seed));
    ElectionData election = days.get(0).data();
    MeteredVertx runtime = MeteredVertx.create();
    String prefix = election.replayPrefix().isEmpty() ? ReplayOptions.ECI_2026_PREFIX : election.replayPrefix();
    ReplaySite site = ReplaySite.start(runtime.vertx(), days, ReplayOptions.defaults().withHost(host).withPort(port)
        .withSpeed(speed).withSeed(seed).withStateFile(stateFile).withPrefix(prefix)
        .withMinDwellMillis(minDwellMillis)).await();
    for (CountingModel day : days) {
      System.out.printf("replay site  %sstatewise%s1.htm   (%s)%n", site.baseUrl(), day.data().stateCode(),
          day.data().state());
    }
    System.out.printf("faults       %sfaults%nclock        %sclock%nlistening    %s%n", site.controlUrl(),
        site.controlUrl(), new WebConfig(host, site.port()).reach(site.port()));
    Shutdown.awaitSignal(runtime::close);
    return 0;
  }

  /** A results file of ours (with the embedded party table unless --parties): a day made up from it. */
  private ElectionData load() throws Exception {
    ElectionData embedded = ElectionData.embedded(electionId);
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
