package io.tallycast.stream;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.Preview;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.StreamChannel;
import io.tallycast.bus.StreamControl;
import io.tallycast.bus.StreamStatus;
import io.tallycast.election.StateCodes;
import io.tallycast.operator.OverlaySettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The engine's streams: one {@link Channel} per configured channel, each capturing its overlay page, encoding it once
 * and sending it to its destinations (see {@link Streamer}). A channel starts at deploy when asked to (the demo's do),
 * and is started or stopped by the operator on {@link Contract#STREAM_CONTROL} (answered with its status);
 * {@link Contract#STREAM_PREVIEW} answers a still of what a channel has on air, or fails 404 when nothing is. A request
 * that names no channel is the first channel's, as before there were several; one that names an unknown one fails 404.
 * On a node of a cluster ({@link #placed}) a channel runs only while the cluster places it on this node.
 */
public final class StreamVerticle extends VerticleBase {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  /**
   * One channel: what to stream where, and the overlay page it captures.
   *
   * @param name  lower-case letters, digits, '-' and '_' (it is in routes, health parts, metric tags and file names)
   * @param scene the scene the page is fixed on (one of {@link OverlaySettings#SCENES}), or null: the console's
   * @param state the state the page shows on a day of several (ECI code, a bare number is S..), or null: the first
   */
  public record Settings(String name, String scene, String state, StreamConfig config, boolean autostart) {
    /** The name of the engine's one stream when it is not given one. */
    public static final String FIRST = "main";

    public Settings {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a channel's name is 1-32 lower-case letters, digits, '-' or '_' "
            + "(e.g. second, tally-720): " + (name == null ? "missing" : "'" + name + "'"));
      }
      scene = scene == null || scene.isBlank() ? null : scene.strip();
      if (scene != null && !OverlaySettings.SCENES.contains(scene)) {
        throw new IllegalArgumentException("channel " + name + ": the scene must be one of "
            + String.join(", ", OverlaySettings.SCENES) + ", not '" + scene + "'");
      }
      state = state == null || state.isBlank() ? null : StateCodes.check(StateCodes.parse(state.strip()));
    }

    /** The engine's one stream, following the console's scene: today's single-channel run. */
    public Settings(StreamConfig config, boolean autostart) {
      this(FIRST, null, null, config, autostart);
    }

    /**
     * The channels of one run, checked together: at least one, names and recordings each used once, states of this
     * election.
     */
    public static List<Settings> checked(List<Settings> channels, Collection<String> stateCodes) {
      Set<String> names = new HashSet<>();
      Set<Object> files = new HashSet<>();
      for (Settings c : channels) {
        if (!names.add(c.name())) {
          throw new IllegalArgumentException("two channels are named '" + c.name() + "': each needs its own name");
        }
        if (c.state() != null && !stateCodes.contains(c.state())) {
          throw new IllegalArgumentException("channel " + c.name() + ": no state " + c.state() + " in this election "
              + "(states: " + String.join(", ", stateCodes) + ")");
        }
        c.config().destinations().stream().filter(d -> !d.network()).forEach(d -> {
          if (!files.add(d.file().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("channel " + c.name() + " records to " + d.file() + " as another "
                + "channel does: give each its own recording");
          }
        });
      }
      return List.copyOf(channels);
    }
  }

  private final List<Settings> settings;
  private final Function<Settings, String> pages;
  private final boolean placed;
  private final Map<String, Channel> channels = new LinkedHashMap<>();

  /** The engine's one stream, capturing this page. */
  public StreamVerticle(Settings settings, String page) {
    this(List.of(settings), s -> page);
  }

  /**
   * @param settings the channels, the first answering requests that name none (at least one)
   * @param pages    the overlay page each captures
   */
  public StreamVerticle(List<Settings> settings, Function<Settings, String> pages) {
    this(settings, pages, false);
  }

  private StreamVerticle(List<Settings> settings, Function<Settings, String> pages, boolean placed) {
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("no channel to stream");
    }
    this.settings = List.copyOf(settings);
    this.pages = pages;
    this.placed = placed;
  }

  /**
   * On a node of a cluster: every configured channel is known here (its health part, the operator's routes), but one
   * runs only while the cluster places it on this node ({@link Contract#STREAM_CARRY}); autostart then says whether it
   * goes on air when placed here or waits for the operator.
   */
  public static StreamVerticle placed(List<Settings> settings, Function<Settings, String> pages) {
    return new StreamVerticle(settings, pages, true);
  }

  @Override
  public Future<?> start() {
    for (Settings s : settings) {
      channels.put(s.name(), new Channel(vertx, s, pages.apply(s), channels.isEmpty(), placed));
    }
    Bus bus = Bus.of(vertx);
    bus.answer(Contract.STREAM_CONTROL, this::control);
    bus.answer(Contract.STREAM_PREVIEW, this::preview);
    if (placed) {
      bus.answer(Contract.STREAM_CARRY, asked -> channel(asked.channel()).compose(c -> c.carry(asked.carry())));
    } else {
      channels.values().forEach(Channel::autostart);
    }
    return Future.succeededFuture();
  }

  private Future<StreamStatus> control(StreamControl asked) {
    return channel(asked.channel()).compose(c -> c.control(asked.action()));
  }

  private Future<Preview> preview(StreamChannel asked) {
    return channel(asked == null ? null : asked.name()).compose(Channel::preview);
  }

  private Future<Channel> channel(String name) {
    Channel found = name == null ? channels.values().iterator().next() : channels.get(name);
    return found != null ? Future.succeededFuture(found) : Future.failedFuture(new Refusal(404, "no channel '"
        + name + "' (channels: " + String.join(", ", channels.keySet()) + ")"));
  }

  @Override
  public Future<?> stop() {
    return Future.join(channels.values().stream().map(Channel::stop).toList());
  }
}
