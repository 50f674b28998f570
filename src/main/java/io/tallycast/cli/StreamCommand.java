package io.tallycast.cli;

import io.micrometer.core.instrument.Metrics;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamDefaults;
import io.tallycast.stream.StreamHealth;
import io.tallycast.stream.StreamOptions;
import io.tallycast.stream.StreamSettings;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.capture.X11Capture;
import io.tallycast.stream.output.Destination;
import io.tallycast.util.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A page (or a test pattern) encoded once and pushed to every destination, on its own, without the engine. Stream
 * keys never come from the command line (visible to every user in ps): YouTube's from YOUTUBE_STREAM_KEY or
 * --youtube-key-file, other secret ingests from --out-file; every destination is shown redacted.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Captures a page (or a test pattern), encodes it once (H.264 + silent AAC) and pushes it "
        + "to RTMP/RTMPS "
        + "ingests and/or a segmented local recording.")
public final class StreamCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);
  static final String YOUTUBE_INGEST = StreamOptions.YOUTUBE_INGEST;

  static final class Source {
    @Option(names = "--page", description = "the page to capture (Xvfb + kiosk Chromium + x11grab)")
    String page;

    @Option(names = "--test-pattern", description = "a moving bar and a frame counter instead of a page")
    boolean testPattern;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--out", paramLabel = "URL_OR_FILE", description = "rtmp:// or rtmps:// ingest (no secret key here: "
      + "use --out-file), or a recording path (name.mkv or name.mp4, cut into name-000.mkv...); repeatable")
  List<String> outs = new ArrayList<>();

  @Option(names = "--out-file", paramLabel = "FILE",
      description = "a file with one ingest URL per line (keys included)")
  List<Path> outFiles = new ArrayList<>();

  @Option(names = "--youtube-ingest", defaultValue = YOUTUBE_INGEST, description = "YouTube's ingest, without the key. "
      + "Default: ${DEFAULT-VALUE}")
  String youtubeIngest;

  @Option(names = "--duration", description = "stop after this long (60s, 10m, 2h); default: until Ctrl-C")
  String duration;

  @Option(names = "--preset", defaultValue = StreamDefaults.PRESET, description = "libx264 preset. "
      + "Default: ${DEFAULT-VALUE}")
  String preset;

  @Mixin
  StreamFlags stream = new StreamFlags();

  @Override
  public Integer call() throws Exception {
    try {
      return stream();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a setting or the machine is wrong: one line the operator can act on, no stack trace
      System.err.println("tallycast stream: " + e.getMessage());
      return 2;
    }
  }

  private int stream() throws Exception {
    StreamSettings settings = stream.settings();
    StreamConfig config = settings.config(destinations(settings)).withPreset(preset)
        .withDuration(duration == null ? null : Quantities.parseDuration(duration));
    int fps = config.fps();
    FrameSource frames = source.testPattern ? new TestPatternSource(config.width(), config.height())
        : new X11Capture(CaptureConfig.of(source.page, config.width(), config.height(), fps));
    Streamer streamer = new Streamer(config, frames);
    Thread hook = new Thread(streamer::close, "stream-stop");
    java.lang.Runtime.getRuntime().addShutdownHook(hook);
    try (streamer) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer).bind(Metrics.globalRegistry);
      // a stream with a duration that has not ended well after it (a stuck output) is given up on
      long end = config.maxFrames() == 0 ? Long.MAX_VALUE
          : System.currentTimeMillis() + config.maxFrames() * 1000 / fps + 30_000;
      while (!streamer.awaitFinished(5, TimeUnit.SECONDS)) {
        LOG.info("stream: {}", health.report().details().copy().put("source", (Object) null).encode());
        if (System.currentTimeMillis() > end) {
          LOG.error("stream: did not finish in time");
          break;
        }
      }
      health.close();
      System.out.println(streamer.status().encodePrettily());
      return streamer.state() == Streamer.State.FAILED ? 1 : 0;
    } finally {
      try {
        java.lang.Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // the JVM is already stopping: the hook runs
      }
    }
  }

  private List<Destination> destinations(StreamSettings settings) throws Exception {
    List<Destination> list = new ArrayList<>();
    for (String out : outs) {
      list.add(settings.out(out));
    }
    for (Path file : outFiles) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          list.add(Destination.ingest(line.strip()));
        }
      }
    }
    stream.youtube(youtubeIngest).ifPresent(list::add);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("nowhere to send the stream: give --out, --out-file, --youtube-key-file or "
          + "set YOUTUBE_STREAM_KEY");
    }
    return list;
  }


}
