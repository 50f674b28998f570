package io.tallycast.operator;

import io.tallycast.bus.OverlayOptions;
import io.tallycast.bus.SceneChosen;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlay's settings as {@code GET /api/overlay} gives them: the configured title, subtitle and logo, the
 * election's size, and the scene and options the operator chose. Scene and options are kept in {@value #FILE} in the
 * data dir, so a restart (or a crash) keeps what is on air. Only the API verticle's event loop changes what is on air;
 * the file is written off it, always whole (the scene with the options last saved, and the other way round).
 */
public final class OverlaySettings {
  public static final String FILE = "overlay.json";
  public static final List<String> SCENES = List.of("full", "map", "tally", "ticker", "states", "intro",
      "national");
  public static final String LOGO_ROUTE = "/api/overlay/logo";
  public static final String DEFAULT_LOGO = "/overlay/logo.svg";
  private static final Logger LOG = LoggerFactory.getLogger(OverlaySettings.class);

  private final OverlayConfig config;
  private final String state;
  private final int seats;
  private final int majority;
  private final Path file;
  private volatile SceneChosen scene;
  private volatile OverlayOptions options;
  /** What the file holds (guarded by this): a save of one half writes it with the other half as last saved. */
  private SceneChosen savedScene;
  private OverlayOptions savedOptions;

  private OverlaySettings(OverlayConfig config, String state, int seats, int majority, Path file,
                          SceneChosen scene, OverlayOptions options) {
    this.config = config;
    this.state = state;
    this.seats = seats;
    this.majority = majority;
    this.file = file;
    this.scene = scene;
    this.options = options;
    this.savedScene = scene;
    this.savedOptions = options;
  }

  /** Reads the saved scene and options from dataDir/overlay.json ("full", options off, without it). Blocking. */
  public static OverlaySettings load(Path dataDir, OverlayConfig config, String state, int seats, int majority) {
    Path file = dataDir.resolve(FILE);
    JsonObject saved = saved(file);
    return new OverlaySettings(config, state, seats, majority, file, savedScene(file, saved), savedOptions(saved));
  }

  private static JsonObject saved(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new JsonObject(); // first start: the full scene, options off
    } catch (IOException | DecodeException | ClassCastException e) {
      LOG.warn("{} is unreadable ({}): showing the full scene, options off", file, e.getMessage());
      return new JsonObject();
    }
  }

  private static SceneChosen savedScene(Path file, JsonObject saved) {
    Object scene = saved.getValue("scene");
    Object state = saved.getValue("state");
    if (scene instanceof String s && SCENES.contains(s) && (state == null || state instanceof String)) {
      return new SceneChosen(s, (String) state);
    }
    if (scene != null) {
      LOG.warn("{} names no known scene ({}): showing the full scene", file, scene);
    }
    return new SceneChosen(SCENES.get(0));
  }

  private static OverlayOptions savedOptions(JsonObject saved) {
    return new OverlayOptions(Boolean.TRUE.equals(saved.getValue("watchingNow")));
  }

  public String scene() {
    return scene.scene();
  }

  /** The state the scene on air shows, on a day of several states; null when each overlay shows its own. */
  public String sceneState() {
    return scene.state();
  }

  /** Checks a scene name: one of {@link #SCENES}. */
  static String checkScene(Object scene) {
    if (!(scene instanceof String s) || !SCENES.contains(s)) {
      throw new IllegalArgumentException("'scene' must be one of " + String.join(", ", SCENES) + ", not "
          + (scene == null ? "missing" : "'" + scene + "'"));
    }
    return s;
  }

  void scene(SceneChosen chosen) {
    checkScene(chosen.scene());
    this.scene = chosen;
  }

  /** The overlay's options on air. */
  public OverlayOptions options() {
    return options;
  }

  void options(OverlayOptions chosen) {
    this.options = chosen;
  }

  /** Writes the scene to the file (temporary file, then rename: a crash leaves the old or the new one). Blocking. */
  synchronized void save(SceneChosen chosen) throws IOException {
    write(chosen, savedOptions);
    savedScene = chosen;
  }

  /** Writes the options to the file, beside the scene last saved. Blocking. */
  synchronized void save(OverlayOptions chosen) throws IOException {
    write(savedScene, chosen);
    savedOptions = chosen;
  }

  private void write(SceneChosen chosen, OverlayOptions with) throws IOException {
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.writeString(tmp, new JsonObject().put("scene", chosen.scene()).put("state", chosen.state())
        .put("watchingNow", with.watchingNow()).encode(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The configured logo file, or null. */
  public Path logoFile() {
    return config.logo();
  }

  /** {"scene","sceneState","watchingNow","title","subtitle","logo","state","seats","majority"}. */
  public JsonObject toJson() {
    return new JsonObject().put("scene", scene.scene()).put("sceneState", scene.state())
        .put("watchingNow", options.watchingNow())
        .put("title", config.title()).put("subtitle", config.subtitle())
        .put("logo", config.logo() == null ? DEFAULT_LOGO : LOGO_ROUTE).put("state", state).put("seats", seats)
        .put("majority", majority);
  }
}
