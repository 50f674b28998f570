package io.tallycast.cli;

import io.tallycast.app.ElectionConfig;
import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.app.ReportPart;
import io.tallycast.election.Election;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.web.WebConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Election night: scrape the configured results site, store, and serve. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Runs the engine against the results site named in an election configuration file.")
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", required = true,
      description = "election configuration (YAML), e.g. examples/west-bengal.yaml")
  Path config;

  @Option(names = "--host", description = "address the API and console listen on, over the configuration's 'host:' "
      + "(default 127.0.0.1, this machine only); 0.0.0.0 opens them to every interface, e.g. the newsroom's network")
  String host;

  @Override
  public Integer call() throws Exception {
    ElectionConfig cfg = ElectionConfig.read(config);
    Path base = config.toAbsolutePath().getParent();
    MeteredVertx runtime = MeteredVertx.create();
    OverlayConfig overlay = cfg.overlayConfig(base);
    WebConfig web = cfg.webConfig(host);
    Election election = cfg.loadElection(base);
    Engine.Config parts = Engine.Config.of(election, cfg.dataDirectory(base), cfg.scrapeConfig(), web)
        .withMaps(cfg.mapSources(base)).withNationalMap(cfg.nationalMap()).withOverlay(overlay)
        .withChannels(cfg.channels(base)).withAudience(cfg.audienceConfig(base))
        .withReport(new ReportPart(cfg.reportSettings(base)));
    Engine engine = Engine.start(runtime, parts).await();
    String api = web.localUrl(engine.apiPort());
    System.out.printf("tallycast serving %s%n  listening    %s%n  results API  %s/api/summary%n  source       %s%n"
        + "  maps         %s%n  console      %s/console/%n  overlay      %s/overlay/%n", election.name()
        + (election.severalStates() ? " (" + String.join(", ", election.codes()) + ": " + api + "/api/states)" : ""),
        web.reach(engine.apiPort()), api, cfg.source().baseUrl(),
        cfg.mapSources(base).isEmpty() ? "none (no 'maps:' entry)" : api + "/api/maps", api, api);
    System.out.print(OperatorTokenLine.of(engine.operatorToken()));
    Shutdown.awaitSignal(engine::close);
    return 0;
  }
}
