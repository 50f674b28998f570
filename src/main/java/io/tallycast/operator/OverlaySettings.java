package io.tallycast.operator;

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
 * election's size, and the scene the operator chose. The scene is kept in {@value #FILE} in the data dir, so a restart
 * (or a crash) keeps what is on air. Only the API verticle's event loop reads and changes the scene; the file is
 * written off it.
 */
public final class OverlaySettings {
  public static final String FILE = "overlay.json";
  public static final List<String> SCENES = List.of("full", "map", "tally", "ticker", "states", "intro");
  public static final String LOGO_ROUTE = "/api/overlay/logo";
  public static final String DEFAULT_LOGO = "/overlay/logo.svg";
  private static final Logger LOG = LoggerFactory.getLogger(OverlaySettings.class);

  private final OverlayConfig config;
  private final String state;
  private final int seats;
  private final int majority;
  private final Path file;
  private volatile SceneChosen scene;

  private OverlaySettings(OverlayConfig config, String state, int seats, int majority, Path file,
                          SceneChosen scene) {
    this.config = config;
    this.state = state;
    this.seats = seats;
    this.majority = majority;
    this.file = file;
    this.scene = scene;
  }

  /** Reads the saved scene from dataDir/overlay.json ("full" when there is none). Blocking. */
  public static OverlaySettings load(Path dataDir, OverlayConfig config, String state, int seats, int majority) {
    Path file = dataDir.resolve(FILE);
    return new OverlaySettings(config, state, seats, majority, file, savedScene(file));
  }

  private static SceneChosen savedScene(Path file) {
    try {
      JsonObject saved = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      String scene = saved.getString("scene");
      if (SCENES.contains(scene)) {
        return new SceneChosen(scene, saved.getString("state"));
      }
      LOG.warn("{} names no known scene ({}): showing the full scene", file, scene);
    } catch (NoSuchFileException e) {
      // first start: the full scene
    } catch (IOException | DecodeException | ClassCastException e) {
      LOG.warn("{} is unreadable ({}): showing the full scene", file, e.getMessage());
    }
    return new SceneChosen(SCENES.get(0));
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

  /** Writes the scene to the file (temporary file, then rename: a crash leaves the old or the new one). Blocking. */
  void save(SceneChosen chosen) throws IOException {
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.writeString(tmp, new JsonObject().put("scene", chosen.scene()).put("state", chosen.state()).encode(),
        StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The configured logo file, or null. */
  public Path logoFile() {
    return config.logo();
  }

  /** {"scene","sceneState","title","subtitle","logo","state","seats","majority"}. */
  public JsonObject toJson() {
    return new JsonObject().put("scene", scene.scene()).put("sceneState", scene.state())
        .put("title", config.title()).put("subtitle", config.subtitle())
        .put("logo", config.logo() == null ? DEFAULT_LOGO : LOGO_ROUTE).put("state", state).put("seats", seats)
        .put("majority", majority);
  }
}
