package io.tallycast.app;

import io.tallycast.stream.StreamOff;
import io.tallycast.stream.StreamVerticle;
import io.vertx.core.Future;
import java.util.List;

/**
 * The streams of the engine's own overlay, one per channel, or their "off" form in a run without one
 * ({@link #absent()}): that one reports the stream's health as off and answers the console's start and stop itself, so
 * no other part speaks for it.
 */
public final class StreamPart implements Part {
  static final String NAME = "stream";
  private final List<StreamVerticle.Settings> channels;
  private final boolean placed;

  private StreamPart(List<StreamVerticle.Settings> channels, boolean placed) {
    this.channels = List.copyOf(channels);
    this.placed = placed;
  }

  /** Captures the engine's overlay and sends it where the settings say. */
  public static StreamPart of(StreamVerticle.Settings settings) {
    return new StreamPart(List.of(settings), false);
  }

  /** Each channel captures its overlay page and sends it where its settings say; none is {@link #absent()}. */
  public static StreamPart of(List<StreamVerticle.Settings> channels) {
    return new StreamPart(channels, false);
  }

  /**
   * On a node of a cluster: every channel known, each on air only while the cluster places it on this node
   * ({@link ChannelsPart}); none is {@link #absent()}.
   */
  public static StreamPart placed(List<StreamVerticle.Settings> channels) {
    return channels.isEmpty() ? absent() : new StreamPart(channels, true);
  }

  /** No stream in this run (demo --no-stream, no stream section in the configuration). */
  public static StreamPart absent() {
    return new StreamPart(List.of(), false);
  }

  public List<StreamVerticle.Settings> channels() {
    return channels;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    if (channels.isEmpty()) {
      return assembly.vertx().deployVerticle(new StreamOff());
    }
    return assembly.vertx().deployVerticle(placed ? StreamVerticle.placed(channels, s -> overlayUrl(assembly.web(), s))
        : new StreamVerticle(channels, s -> overlayUrl(assembly.web(), s)));
  }

  /**
   * The engine's own overlay: the 1280x720 variant is the same scene scaled by the page itself; a channel's scene and
   * state fix what the page shows (without them it follows the console).
   */
  static String overlayUrl(Assembly.Web web, StreamVerticle.Settings channel) {
    StringBuilder query = new StringBuilder();
    if (channel.config().height() == 720) {
      query.append("&size=720");
    }
    if (channel.scene() != null) {
      query.append("&scene=").append(channel.scene());
    }
    if (channel.state() != null) {
      query.append("&state=").append(channel.state());
    }
    return web.localUrl() + "/overlay/" + (query.isEmpty() ? "" : "?" + query.substring(1));
  }
}
