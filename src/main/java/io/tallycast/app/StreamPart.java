package io.tallycast.app;

import io.tallycast.stream.StreamOff;
import io.tallycast.stream.StreamVerticle;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The stream of the engine's own overlay, or its "off" form in a run without one ({@link #absent()}): that one reports
 * the stream's health as off and answers the console's start and stop itself, so no other part speaks for it.
 */
public final class StreamPart implements Part {
  static final String NAME = "stream";
  private final Optional<StreamVerticle.Settings> settings;

  private StreamPart(Optional<StreamVerticle.Settings> settings) {
    this.settings = settings;
  }

  /** Captures the engine's overlay and sends it where the settings say. */
  public static StreamPart of(StreamVerticle.Settings settings) {
    return new StreamPart(Optional.of(settings));
  }

  /** No stream in this run (demo --no-stream, no stream section in the configuration). */
  public static StreamPart absent() {
    return new StreamPart(Optional.empty());
  }

  public Optional<StreamVerticle.Settings> settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return settings.map(s -> assembly.vertx().deployVerticle(new StreamVerticle(s, overlayUrl(assembly.web(), s))))
        .orElseGet(() -> assembly.vertx().deployVerticle(new StreamOff()));
  }

  /** The engine's own overlay; the 1280x720 variant is the same scene scaled by the page itself. */
  private static String overlayUrl(Assembly.Web web, StreamVerticle.Settings stream) {
    return web.localUrl() + "/overlay/" + (stream.config().height() == 720 ? "?size=720" : "");
  }
}
