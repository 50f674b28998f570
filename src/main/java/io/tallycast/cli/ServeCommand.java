package io.tallycast.cli;

import io.tallycast.app.ElectionConfig;
import io.tallycast.app.Engine;
import io.tallycast.app.Runtime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Election night: scrape the configured results site, store, and serve. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Runs the engine against the results site named in an election configuration file.")
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, description = "election configuration (YAML), e.g. examples/west-bengal.yaml")
  Path config;

  @Override
  public Integer call() throws Exception {
    ElectionConfig cfg = ElectionConfig.read(config);
    Path base = config.toAbsolutePath().getParent();
    Runtime runtime = Runtime.create();
    Engine engine = Engine.start(runtime, new Engine.Config(cfg.loadElection(base), cfg.dataDirectory(base),
        cfg.scrapeConfig(), cfg.webConfig(), cfg.mapSource(base))).await();
    System.out.printf("tallycast serving %s%n  results API  http://localhost:%d/api/summary%n  source       %s%n"
        + "  maps         %s%n", cfg.election().state(), engine.apiPort(), cfg.source().baseUrl(),
        cfg.mapSource(base) == null ? "none (no 'maps:' entry)" : "http://localhost:" + engine.apiPort() + "/api/maps");
    Shutdown.awaitSignal(engine::close);
    return 0;
  }
}
