package io.tallycast.map;

import java.nio.file.Path;

/**
 * Where one state's maps are served, reported and kept. An election of one state keeps the places it always had
 * ({@code /api/maps/}, health part "maps", {@code dataDir/maps/}); each state of several has its own under its code
 * ({@code /api/states/S03/maps/}, "maps S03", {@code dataDir/maps/S03/}), and the first state's are also served at
 * {@code /api/maps/}, the single-state alias. The national map of an election of several states has its own place
 * ({@link #national}).
 */
public record MapPlace(String state, String urlPrefix, String part, Path dir) {
  /** The URL prefix of the maps of the election's first state (all of them, for one state). */
  public static final String ALIAS_PREFIX = "/api/maps/";
  /** The place of the national map, in place of a state code (see {@link #national}). */
  public static final String NATIONAL = "national";
  /** The URL prefix of the national map. */
  public static final String NATIONAL_PREFIX = "/api/national/maps/";

  /** The maps of an election of one state. */
  public static MapPlace single(String state, Path dataDir) {
    return new MapPlace(state, ALIAS_PREFIX, "maps", dataDir.resolve("maps"));
  }

  /** The maps of one state of several. */
  public static MapPlace ofState(String state, Path dataDir) {
    return new MapPlace(state, prefixOf(state), "maps " + state, dataDir.resolve("maps").resolve(state));
  }

  /**
   * The national map of an election of several states: served under {@code /api/national/maps/}, health part
   * "maps national", kept in {@code dataDir/maps/national/}; its {@code map.updated} name this as their state.
   */
  public static MapPlace national(Path dataDir) {
    return new MapPlace(NATIONAL, NATIONAL_PREFIX, "maps " + NATIONAL, dataDir.resolve("maps").resolve(NATIONAL));
  }

  /** "/api/states/S03/maps/". */
  public static String prefixOf(String state) {
    return "/api/states/" + state + "/maps/";
  }
}
