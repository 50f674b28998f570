package io.tallycast.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.SeatStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one JVM of a cluster sends another arrives equal: every payload type of the contract goes through its codec's
 * bytes and back, with every field filled so nothing can be dropped on the way unnoticed.
 */
class WireRoundTripTest {
  private static final Instant AT = Instant.parse("2026-05-04T07:42:13.250Z");
  private static final Standing WINNER = new Standing("SUVENDU ADHIKARI", "BJP", 110_201);
  private static final SeatFigures COUNTING = new SeatFigures(SeatStatus.COUNTING, 7, 21, WINNER, 9_200L);
  private static final SeatFigures DECLARED = new SeatFigures(SeatStatus.DECLARED, 21, 21, WINNER, 20_402L);
  private static final Snapshot SNAPSHOT = new Snapshot(210, SeatStatus.DECLARED, 21, 21,
      List.of(new SnapshotCandidate("SUVENDU ADHIKARI", "BJP", 108_000, 2_201, 110_201),
          new SnapshotCandidate("MAMATA BANERJEE", "AITC", 88_500, 1_299, 89_799)),
      AT, AT.plusSeconds(40), "https://results.eci.gov.in/ResultAcGenMay2026/candidateswise-S25210.htm", true);
  private static final ResultEvent DECLARATION = new SeatDeclared(3_141, "S25", 210, AT, WINNER, 20_402L, "AITC",
      "gain",
      "AITC", "BJP gain from AITC");

  /** One filled-in example of every type the contract carries. */
  private static Map<Class<?>, Object> samples() {
    Map<Class<?>, Object> all = new LinkedHashMap<>();
    JsonObject row = new JsonObject().put("id", 7).put("seat", 210).put("active", true).put("reason", "RO's sheet")
        .put("figures", new JsonObject().put("leader", new JsonObject().put("party", "BJP")))
        .put("candidates", new JsonArray().add("SUVENDU ADHIKARI").add(12.5));
    List<ResultEvent> events = List.of(
        new SeatChanged(3_139, "S25", 210, AT, COUNTING, DECLARED),
        new LeadFlipped(3_140, "S25", 210, AT, "AITC", "BJP", "MAMATA BANERJEE", "SUVENDU ADHIKARI", 1_250L),
        DECLARATION,
        new TallyChanged(3_142, "S25", 0, AT, Map.of("AITC", new PartySeats(80, 3)), Map.of("BJP", new PartySeats(207,
            0))),
        new SeatOverridden(3_143, "S25", 210, AT, "NANDIGRAM", 7, "RO's sheet", SeatStatus.DECLARED, WINNER),
        new OverrideReleased(3_144, "S25", 210, AT, "NANDIGRAM", 7, "the site caught up"));
    events.forEach(e -> all.put(e.getClass(), e));
    all.put(ScrapeBatch.class, new ScrapeBatch("S25", List.of(SNAPSHOT), List.of(new ArchivedPage(SNAPSHOT.url(), AT,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "<html>".getBytes(StandardCharsets.UTF_8)))));
    all.put(ApplyResult.class, new ApplyResult(List.of(210, 211),
        List.of(new Rejection(12, "votes fell from 900 to 800")), events, List.of(44)));
    all.put(StateQuery.class, new StateQuery("S03"));
    all.put(StoredTally.class,
        new StoredTally(Map.of("BJP", new PartySeats(207, 0), "AITC", new PartySeats(80, 0)), 1));
    all.put(SeatOverride.class, new SeatOverride("S25", 210, "RO's sheet", SeatStatus.DECLARED, List.of(WINNER), 21,
        21));
    all.put(OverrideRelease.class, new OverrideRelease("S25", 210, "the site caught up"));
    all.put(OverrideResult.class, new OverrideResult(row, events));
    all.put(MapUpdated.class, new MapUpdated("S25", "district-purba-medinipur", 42, List.of(210, 211),
        "/api/maps/d.png"));
    all.put(SceneChosen.class, new SceneChosen("map", "S03"));
    all.put(OverlayOptions.class, new OverlayOptions(true));
    all.put(NationalTally.class, new NationalTally("ls2024", "Lok Sabha 2024", new NationalTally.Seats(543, 240, 3,
        300), 272, List.of(new NationalTally.PartyLine("BJP", "Bharatiya Janata Party", "#FF9933", 200, 40, 240)),
        List.of(new NationalTally.StateLine("S06", "Gujarat", 26, 26, "BJP"))));
    all.put(ClusterBatch.class, new ClusterBatch("S25", "node-2", 41, List.of(SNAPSHOT), AT));
    // one of the four is set in use; all four here, so that a field the codec dropped would show
    all.put(OperatorShared.class, new OperatorShared("node-run-1", new SceneChosen("tally", "S24"),
        new OverlayOptions(true), (SeatOverride) all.get(SeatOverride.class),
        (OverrideRelease) all.get(OverrideRelease.class)));
    all.put(ClusterView.class, new ClusterView("node-1", AT, List.of("node-1", "node-3"),
        List.of(new ClusterView.Node("node-2", true, "http://127.0.0.1:8082", HealthReport.Status.DEGRADED,
            List.of(new ClusterView.Problem("scraper S03", HealthReport.Status.DOWN, "seat 12: 503")),
            List.of("S03"), List.of("assam"), 112.5, AT.minusSeconds(3))),
        List.of("S22"), List.of(new ClusterView.Takeover(ClusterView.Takeover.STATE, "S25", "node-2", "node-3", AT,
            180, 2_140L))));
    all.put(HealthReport.class, new HealthReport("scraper", HealthReport.Status.DEGRADED, AT, "seat 12: 503", AT,
        new JsonObject().put("cycles", 812).put("failingSeats", new JsonArray().add(12))));
    all.put(ScraperControl.class, new ScraperControl(true));
    all.put(StreamControl.class, new StreamControl(StreamControl.Action.STOP, "second"));
    all.put(StreamChannel.class, new StreamChannel("second"));
    all.put(StreamCarry.class, new StreamCarry("national", true));
    all.put(StreamStatus.class, new StreamStatus(new JsonObject().put("state", "stopped")));
    all.put(Preview.class, new Preview(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1}));
    all.put(ViewerReading.class, new ViewerReading("youtube", AT, ViewerReading.Kind.LIVE, 18_250, "a first figure"));
    all.put(PlatformTotals.class, new PlatformTotals("youtube", "dQw4w9WgXcQ", AT, 9_412.5, 18_250L, 2_260_000L));
    all.put(BroadcastEnded.class, new BroadcastEnded(3, "main", AT, AT.plusSeconds(5 * 3600)));
    return all;
  }

  @Test
  void every_payload_type_of_the_contract_has_a_sample_here() {
    assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(Contract.payloadTypes());
  }

  @Test
  void every_sample_fills_every_field_so_a_dropped_field_would_show() throws Exception {
    for (Object sample : samples().values()) {
      for (RecordComponent c : sample.getClass().getRecordComponents()) {
        assertThat(c.getAccessor().invoke(sample)).as("%s.%s", sample.getClass().getSimpleName(), c.getName())
            .isNotNull();
      }
    }
  }

  @Test
  void every_payload_arrives_equal_after_its_codecs_bytes() {
    samples().forEach((type, sample) -> assertThat(throughTheWire(type, sample)).as(type.getSimpleName())
        .usingRecursiveComparison().withEqualsForType(JsonObject::equals, JsonObject.class).isEqualTo(sample));
  }

  @Test
  void an_event_travels_as_its_own_kind_and_keeps_the_apis_shape() {
    Object back = throughTheWire(SeatDeclared.class, DECLARATION);
    assertThat(back).isInstanceOf(SeatDeclared.class);
    JsonObject json = Wire.json(DECLARATION);
    assertThat(json.getString("type")).isEqualTo("seat.declared");
    assertThat(json.getString("at")).isEqualTo("2026-05-04T07:42:13.250Z");
    assertThat(json.getJsonObject("winner").getString("party")).isEqualTo("BJP");
    assertThat(Wire.fromJson(json, ResultEvent.class)).isEqualTo(DECLARATION);
  }

  @Test
  void a_seats_status_and_a_health_status_are_written_in_lower_case_as_the_api_always_did() {
    assertThat(Wire.json(new SeatChanged(1, "S25", 2, AT, COUNTING,
        DECLARED)).getJsonObject("after").getString("status"))
        .isEqualTo("declared");
    assertThat(((HealthReport) samples().get(HealthReport.class)).toJson().getString("status")).isEqualTo("degraded");
  }

  private static <T> T throughTheWire(Class<T> type, Object sample) {
    WireCodec<T> codec = new WireCodec<>(type);
    Buffer wire = Buffer.buffer("header");
    codec.encodeToWire(wire, type.cast(sample));
    return codec.decodeFromWire("header".length(), wire);
  }
}
