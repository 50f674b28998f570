package io.tallycast.bench;

import io.tallycast.election.Election;
import io.tallycast.process.OwnedProcesses;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamDefaults;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.output.Destination;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long a change takes to reach the air. The wb2021 demo runs in this JVM with its replay paused, its overlay is
 * streamed as on the night (Xvfb + kiosk Chromium + x11grab, libx264, RTMP to a local peer that writes what it gets to
 * a file), and the stream's fan-out notes when each frame left the encoder. The bench then makes changes the overlay
 * must show: operator overrides of a declared seat (the winner swapped each time) and steps of the replay's clock to
 * the next moment at which some seat's leader or status changes. Afterwards it decodes what the peer received and finds
 * the first frame showing each change ({@link AirAnalysis}): commit-to-air and site-to-air.
 */
public final class LatencyBenchmark {
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(5);
  /** Between two overrides: the overlay's map and panels settle in well under this. */
  private static final Duration OVERRIDE_SPACING = Duration.ofSeconds(3);
  /** Between two site changes, on top of the scrape interval and the 1 s the target allows. */
  private static final Duration SITE_SPACING = Duration.ofSeconds(4);
  /** Analysed pictures are this many times smaller each way than the stream's. */
  private static final int SCALE = 4;

  private final PrintStream out;

  public LatencyBenchmark(PrintStream out) {
    this.out = out;
  }

  /** Runs the bench end to end, prints its table; returns whether every target was met. */
  public boolean run(int changes, int width, int height, Duration interval) throws Exception {
    CountingModel model = ReplayModels.election(Election.embedded("wb2021"), 2021).get(0);
    List<Long> steps = SiteSteps.plan(model, changes);
    Path work = OwnedProcesses.claimFolder("bench-latency");
    Process peer = null;
    try (LatencyDemo demo = LatencyDemo.start(work.resolve("data"), interval, steps.get(0))) {
      out.printf("latency bench: wb2021 demo, replay paused at %s (%d seats declared), scrape interval %d ms%n",
          model.day().at(steps.get(0)).toLocalTime(), SiteSteps.declared(model, steps.get(0)), interval.toMillis());
      demo.awaitSeats(SiteSteps.declared(model, steps.get(0)), Duration.ofSeconds(60));
      LatencyDemo.Seat seat = demo.pickSeat();
      out.printf("   operator overrides: seat %d (%s), %s and %s in turn%n", seat.no(), seat.name(),
          seat.first().getString("party"), seat.second().getString("party"));
      int port = BundledFfmpeg.freePort();
      Path received = work.resolve("received.flv");
      peer = BundledFfmpeg.listen(port, "live", "bench", received);
      OwnedProcesses.note(work, peer.toHandle());
      StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port
          + "/live/bench"))).withSize(width, height);
      Streamer streamer = new Streamer(config,
          Captures.open(CaptureConfig.of(demo.overlayUrl(height), width, height, 30)));
      FrameAirTimes airTimes = new FrameAirTimes();
      streamer.tap(airTimes);
      Process listener = peer;
      // Ctrl-C: Xvfb, Chromium, chromedriver and the peer are separate processes that would outlive this JVM
      Thread hook = new Thread(() -> {
        streamer.close();
        listener.destroyForcibly();
      }, "bench-latency-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      List<AirAnalysis.Change> made;
      List<Double> roundTrips = new ArrayList<>();
      long quietFrom;
      long quietTo;
      String loadBefore;
      String loadAfter;
      long dropped;
      try (streamer) {
        streamer.start();
        out.printf("   streaming %dx%d@30 to rtmp://127.0.0.1:%d/live/****; warming up %d s, quiet %d s%n", width,
            height, port, WARM_UP.toSeconds(), QUIET.toSeconds());
        Thread.sleep(WARM_UP.toMillis());
        quietFrom = System.nanoTime();
        Thread.sleep(QUIET.toMillis());
        quietTo = System.nanoTime();
        loadBefore = loadAverage();
        made = makeChanges(demo, seat, steps, interval, roundTrips);
        loadAfter = loadAverage();
        streamer.close();
        dropped = streamer.dropped();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
          // the JVM is already stopping: the hook runs
        }
      }
      BundledFfmpeg.awaitFinished(peer);
      if (!Files.exists(received)) {
        throw new IllegalStateException("the RTMP peer wrote nothing");
      }
      out.printf("   decoding what the peer received (%d frames sent)...%n", airTimes.count());
      AirAnalysis analysis = new AirAnalysis(width / SCALE, height / SCALE, quietFrom, quietTo, made);
      long[] unmapped = {0};
      long pictures = AiredFrames.decode(received, width / SCALE, height / SCALE, (micros, luma) -> {
        long air = airTimes.airNanos(airTimes.firstPts() + Math.round(micros * 30 / 1e6));
        if (air < 0) {
          unmapped[0]++;
        } else {
          analysis.picture(air, luma);
        }
      });
      List<AirAnalysis.Outcome> outcomes = analysis.finish();
      out.printf(Locale.ROOT, "   %d frames received, %d without an air time; quiet spell %d frames, %.1f%% of the "
          + "picture moves on its own (clock, ticker) and is not searched%n", pictures, unmapped[0],
          analysis.quietPictures(), analysis.maskedShare() * 100);
      out.println();
      out.printf("(latency depends on load: the stream dropped %d of %d frames; load average %s at the first change, "
          + "%s at the last, on %d cores)%n", dropped, dropped + airTimes.count(), loadBefore, loadAfter,
          Runtime.getRuntime().availableProcessors());
      out.printf("latency benchmark: demo overlay (full scene) %dx%d@30 -> libx264 " + StreamDefaults.PRESET
          + " -> local RTMP peer, scrape interval %d ms%n", width, height, interval.toMillis());
      return LatencyReport.print(out, outcomes, interval.toMillis(),
          roundTrips.stream().mapToDouble(Double::doubleValue).toArray());
    } finally {
      if (peer != null && peer.isAlive()) {
        peer.destroyForcibly();
        peer.waitFor(5, TimeUnit.SECONDS);
      }
      OwnedProcesses.delete(work);
    }
  }

  /**
   * Overrides first, then site changes, each on a fixed cadence; each change's window ends just before the next one
   * is made, so no two changes are ever on their way to the air at once.
   */
  private List<AirAnalysis.Change> makeChanges(LatencyDemo demo, LatencyDemo.Seat seat, List<Long> steps,
                                               Duration interval, List<Double> roundTrips) throws Exception {
    int changes = steps.size() - 1;
    List<String> kinds = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    List<Long> sends = new ArrayList<>();
    long siteSpacing = interval.toNanos() + SITE_SPACING.toNanos();
    out.printf("   %d operator overrides, %d ms apart...%n", changes, OVERRIDE_SPACING.toMillis());
    long due = System.nanoTime();
    for (int i = 0; i < changes; i++) {
      sleepUntil(due);
      long[] call = demo.override(seat, i);
      roundTrips.add((call[1] - call[0]) / 1e6);
      kinds.add(LatencyReport.OPERATOR);
      times.add(call[1]);
      sends.add(call[0]);
      due += OVERRIDE_SPACING.toNanos();
    }
    out.printf("   %d site changes, %d ms apart...%n", changes, siteSpacing / 1_000_000);
    for (int i = 1; i <= changes; i++) {
      sleepUntil(due);
      long sent = System.nanoTime();
      times.add(demo.advanceSite(steps.get(i) - steps.get(i - 1)));
      kinds.add(LatencyReport.SITE);
      sends.add(sent);
      due += siteSpacing;
    }
    sleepUntil(due);
    long end = System.nanoTime();
    List<AirAnalysis.Change> made = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      // a little before the next call: its change cannot be on air before it was asked for
      long until = (i + 1 < sends.size() ? sends.get(i + 1) : end) - TimeUnit.MILLISECONDS.toNanos(50);
      made.add(new AirAnalysis.Change(kinds.get(i), times.get(i), until));
    }
    return made;
  }

  /** The one-minute load average, as /proc/loadavg says; other work on the machine shows in it. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait;
    while ((wait = nanos - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
    }
  }
}
