package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.SceneChosen;
import io.tallycast.election.Election;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a scene on air: checked, saved (so a restart shows what is on air), then announced on {@link Contract#SCENE}.
 * The operator's scene buttons and the scene rotation both go through here.
 */
final class SceneSwitch {
  private static final Logger LOG = LoggerFactory.getLogger(SceneSwitch.class);
  private final Vertx vertx;
  private final OverlaySettings overlay;
  private final Election election;
  private final SharedActions shared;

  SceneSwitch(Vertx vertx, OverlaySettings overlay, Election election, SharedActions shared) {
    this.shared = shared;
    this.vertx = vertx;
    this.overlay = overlay;
    this.election = election;
  }

  /**
   * The scene and, on a day of several states, the state it shows (null: each overlay's own). A scene or state that
   * does not exist is an IllegalArgumentException saying which there are.
   */
  SceneChosen check(Object scene, Object state) {
    String s = OverlaySettings.checkScene(scene);
    if (state == null) {
      return new SceneChosen(s, null);
    }
    if (!(state instanceof String code) || election.state(code).isEmpty()) {
      throw new IllegalArgumentException("'state' must be one of " + String.join(", ", election.codes()) + ", not '"
          + state + "'");
    }
    return new SceneChosen(s, code);
  }

  /** Saves, then announces; ordered, so two quick changes are saved and announced in the order they came. */
  Future<SceneChosen> put(SceneChosen chosen, String by) {
    return vertx.executeBlocking(() -> {
      overlay.save(chosen);
      return chosen;
    }, true).onSuccess(saved -> {
      overlay.scene(saved);
      Bus.of(vertx).publish(Contract.SCENE, saved);
      shared.share(saved);
      LOG.info("{}: overlay scene {}{}", by, saved.scene(), saved.state() == null ? "" : " of " + saved.state());
    });
  }

  Election election() {
    return election;
  }
}
