package io.tallycast.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event-bus address of tallycast and what it carries: the one place an address is declared (a test fails on an
 * address anywhere else). docs/ARCHITECTURE.md has the table of producers and consumers.
 */
public final class Contract {
  /** A scrape cycle's snapshots and changed pages, written in one transaction by the single writer. */
  public static final Ask<ScrapeBatch, ApplyResult> STORE_APPLY =
      new Ask<>("store.apply", ScrapeBatch.class, ApplyResult.class);
  /** One state's tally as stored, for the scraper's party-wise cross-check. */
  public static final Ask<StateQuery, StoredTally> STORE_TALLY =
      new Ask<>("store.tally", StateQuery.class, StoredTally.class);
  public static final Ask<SeatOverride, OverrideResult> STORE_OVERRIDE =
      new Ask<>("store.override", SeatOverride.class, OverrideResult.class);
  public static final Ask<OverrideRelease, OverrideResult> STORE_RELEASE =
      new Ask<>("store.override.release", OverrideRelease.class, OverrideResult.class);

  /**
   * Every committed event, in id order, on one address: a consumer takes the kinds it needs
   * ({@link Bus#subscribeTo}), so events of one seat never overtake each other between addresses.
   */
  public static final Address<ResultEvent> EVENTS = new Address<>("events.all", ResultEvent.class);

  public static final Address<MapUpdated> MAP_UPDATED = new Address<>("map.updated", MapUpdated.class);
  public static final Address<SceneChosen> SCENE = new Address<>("overlay.scene", SceneChosen.class);
  /** The overlay's options (the "watching now" badge), saved first, as the operator set them. */
  public static final Address<OverlayOptions> OVERLAY_OPTIONS =
      new Address<>("overlay.options", OverlayOptions.class);
  /** The election added up over its states, by the web side from the store's read side, whenever it changes. */
  public static final Address<NationalTally> NATIONAL = new Address<>("national.tally", NationalTally.class);
  /** Every part's state, on change and on every cycle. */
  public static final Address<HealthReport> HEALTH = new Address<>("health.report", HealthReport.class);

  public static final Ask<ScraperControl, ScraperControl> SCRAPER_CONTROL =
      new Ask<>("scraper.control", ScraperControl.class, ScraperControl.class);
  public static final Ask<StreamControl, StreamStatus> STREAM_CONTROL =
      new Ask<>("stream.control", StreamControl.class, StreamStatus.class);
  /** A still of what one channel has on air; fails 404 when nothing is (or there is no such channel). */
  public static final Ask<StreamChannel, Preview> STREAM_PREVIEW =
      new Ask<>("stream.preview", StreamChannel.class, Preview.class);
  /**
   * On a node of a cluster: a channel placed here or taken away by the cluster's channel placement; a channel not
   * carried here refuses the operator's start.
   */
  public static final Ask<StreamCarry, StreamStatus> STREAM_CARRY =
      new Ask<>("stream.carry", StreamCarry.class, StreamStatus.class);

  /** Every look at a platform's audience (live figure, hidden, ended or failed), stored by the single writer. */
  public static final Address<ViewerReading> VIEWERS = new Address<>("audience.viewers", ViewerReading.class);
  /** A platform's own figures for a broadcast after it (YouTube Analytics), stored by the single writer. */
  public static final Address<PlatformTotals> PLATFORM_TOTALS =
      new Address<>("audience.totals", PlatformTotals.class);
  /** The same figures once the store has committed them: the report is made again from the store. */
  public static final Address<PlatformTotals> PLATFORM_TOTALS_STORED =
      new Address<>("audience.totals.stored", PlatformTotals.class);
  /** A channel's broadcast closed by the store (its stream stopped): the report follows. */
  public static final Address<BroadcastEnded> BROADCAST_ENDED =
      new Address<>("broadcast.ended", BroadcastEnded.class);

  /**
   * A batch as the scraper of a node in a cluster hands it over: to the node's ownership part, which refuses it for a
   * state the node no longer owns, has its own store write it, then publishes it to the cluster.
   */
  public static final Ask<ScrapeBatch, ApplyResult> OWNED_APPLY =
      new Ask<>("cluster.owned.apply", ScrapeBatch.class, ApplyResult.class);
  /** What a state's owner committed, to every node of the cluster. */
  public static final Address<ClusterBatch> CLUSTER_RESULTS =
      new Address<>("cluster.results", ClusterBatch.class, true);
  /** The operator paused or resumed scraping on one node's console: every node's owned scrapers follow. */
  public static final Address<ScraperControl> CLUSTER_SCRAPING =
      new Address<>("cluster.scraping", ScraperControl.class, true);
  /** This node's scrapers of the states it owns, paused or resumed together (a cluster's one scraper per state). */
  public static final Address<ScraperControl> OWNED_SCRAPING =
      new Address<>("cluster.owned.scraping", ScraperControl.class);
  /**
   * The operator's change on one node (scene, overlay options, an override or its release), made on every other node
   * too: whichever node carries a channel, its overlay shows what the operator chose on any console.
   */
  public static final Address<OperatorShared> OPERATOR_SHARED =
      new Address<>("operator.shared", OperatorShared.class, true);
  /**
   * The cluster as this node sees it (nodes, what each carries, their health, the take-overs), answered by a node of a
   * cluster; a run of one engine has no one to answer it.
   */
  public static final Ask<Void, ClusterView> CLUSTER_STATUS =
      new Ask<>("cluster.status", Void.class, ClusterView.class);
  /** The same, published on this node when it changes (a node joins or leaves, a take-over, a node's health). */
  public static final Address<ClusterView> CLUSTER_VIEW = new Address<>("cluster.view", ClusterView.class);

  private Contract() {
  }

  /** Every concrete type that travels on the bus (each needs its codec; an event travels as its own kind). */
  public static List<Class<?>> payloadTypes() {
    List<Class<?>> types = new ArrayList<>(List.of(ScrapeBatch.class, ApplyResult.class, StateQuery.class,
        StoredTally.class,
        SeatOverride.class, OverrideRelease.class, OverrideResult.class, MapUpdated.class, SceneChosen.class,
        HealthReport.class, ScraperControl.class, StreamControl.class, StreamStatus.class, StreamChannel.class,
        StreamCarry.class, Preview.class, ViewerReading.class, PlatformTotals.class, BroadcastEnded.class,
        OverlayOptions.class, ClusterBatch.class, OperatorShared.class, ClusterView.class, NationalTally.class));
    types.addAll(List.of(ResultEvent.class.getPermittedSubclasses()));
    return types;
  }

}
