package io.tallycast;

import io.tallycast.cli.BenchCommand;
import io.tallycast.cli.CheckCommand;
import io.tallycast.cli.DemoCommand;
import io.tallycast.cli.DeriveDataCommand;
import io.tallycast.cli.MasksCommand;
import io.tallycast.cli.NodeCommand;
import io.tallycast.cli.ParseCommand;
import io.tallycast.cli.ReplaySiteCommand;
import io.tallycast.cli.ReportCommand;
import io.tallycast.cli.ServeCommand;
import io.tallycast.cli.StreamCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: each subcommand deploys the verticles it needs. */
@Command(name = "tallycast", mixinStandardHelpOptions = true, version = "tallycast 0.1.0",
    description = "Election-results broadcast engine.",
    subcommands = {DemoCommand.class, ServeCommand.class, ReplaySiteCommand.class, ParseCommand.class,
        BenchCommand.class, MasksCommand.class, StreamCommand.class, DeriveDataCommand.class, CheckCommand.class,
        ReportCommand.class, NodeCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Selenium (the kiosk browser's driver) logs through java.util.logging: one log, one format, logback's levels
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit = new CommandLine(new Main()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
