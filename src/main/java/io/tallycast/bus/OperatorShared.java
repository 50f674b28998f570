package io.tallycast.bus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change the operator made on one node of a cluster, for every other node to make too: a scene put on air, the
 * overlay's options, a seat overridden or an override released. Exactly one of the four is set.
 *
 * @param origin the node that made it (an id of that node's run): it does not apply its own twice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperatorShared(String origin, SceneChosen scene, OverlayOptions options, SeatOverride override,
                             OverrideRelease release) {
  public static OperatorShared of(String origin, SceneChosen scene) {
    return new OperatorShared(origin, scene, null, null, null);
  }

  public static OperatorShared of(String origin, OverlayOptions options) {
    return new OperatorShared(origin, null, options, null, null);
  }

  public static OperatorShared of(String origin, SeatOverride override) {
    return new OperatorShared(origin, null, null, override, null);
  }

  public static OperatorShared of(String origin, OverrideRelease release) {
    return new OperatorShared(origin, null, null, null, release);
  }
}
