package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.OperatorShared;
import io.tallycast.bus.OverlayOptions;
import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.SceneChosen;
import io.tallycast.bus.SeatOverride;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's changes shared among the nodes of a cluster: each change made here (saved and announced here first)
 * goes out on {@link Contract#OPERATOR_SHARED}, and each change made on another node is made here, saved and
 * announced to this node's overlays and store, so the node carrying a channel shows what the operator chose on any
 * node's console. On a single engine nobody else sends: nothing more happens.
 */
final class SharedActions {
  private static final Logger LOG = LoggerFactory.getLogger(SharedActions.class);
  private static final long STORE_TIMEOUT_MS = 30_000;
  private final String origin = UUID.randomUUID().toString();
  private final Vertx vertx;
  private final OverlaySettings overlay;
  private final Bus bus;

  SharedActions(Vertx vertx, OverlaySettings overlay) {
    this.vertx = vertx;
    this.overlay = overlay;
    this.bus = Bus.of(vertx);
    bus.subscribe(Contract.OPERATOR_SHARED, this::follow);
  }

  void share(SceneChosen scene) {
    bus.publish(Contract.OPERATOR_SHARED, OperatorShared.of(origin, scene));
  }

  void share(OverlayOptions options) {
    bus.publish(Contract.OPERATOR_SHARED, OperatorShared.of(origin, options));
  }

  void share(SeatOverride override) {
    bus.publish(Contract.OPERATOR_SHARED, OperatorShared.of(origin, override));
  }

  void share(OverrideRelease release) {
    bus.publish(Contract.OPERATOR_SHARED, OperatorShared.of(origin, release));
  }

  /** Another node's change, made here as the operator made it there. */
  private void follow(OperatorShared change) {
    if (origin.equals(change.origin())) {
      return;
    }
    if (change.scene() != null) {
      saved(() -> overlay.save(change.scene())).onSuccess(v -> {
        overlay.scene(change.scene());
        bus.publish(Contract.SCENE, change.scene());
      });
    } else if (change.options() != null) {
      saved(() -> overlay.save(change.options())).onSuccess(v -> {
        overlay.options(change.options());
        bus.publish(Contract.OVERLAY_OPTIONS, change.options());
      });
    } else if (change.override() != null) {
      bus.request(Contract.STORE_OVERRIDE, change.override(), STORE_TIMEOUT_MS).onFailure(e -> LOG.warn(
          "another node's override of seat {} of {} not made here: {}", change.override().seat(),
          change.override().state(), e.getMessage()));
    } else if (change.release() != null) {
      bus.request(Contract.STORE_RELEASE, change.release(), STORE_TIMEOUT_MS).onFailure(e -> LOG.warn(
          "another node's release of seat {} of {} not made here: {}", change.release().seat(),
          change.release().state(), e.getMessage()));
    }
  }

  private interface Save {
    void run() throws Exception;
  }

  private Future<Void> saved(Save save) {
    return vertx.<Void>executeBlocking(() -> {
      save.run();
      return null;
    }, true).onFailure(e -> LOG.warn("another node's overlay change not saved here: {}", e.getMessage()));
  }
}
