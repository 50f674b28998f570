package io.tallycast.cluster;

import io.tallycast.bus.ClusterView.Problem;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.bus.Wire;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What one node says of itself in the cluster's nodes map, written every second: where its API is, how it is (its
 * overall health and the parts that are not OK) and its heap. What it carries is in the owners maps, not here.
 *
 * @param api      the root of its API, console and overlay
 * @param status   the worst of its parts' statuses (OK with no report yet)
 * @param problems its parts that need an eye (degraded, down, starting), by part name
 * @param lastSeen when it wrote this
 */
record NodeLine(String name, String api, Status status, List<Problem> problems, double heapMb, Instant lastSeen) {

  /** The line of a node whose parts last reported {@code health}. */
  static NodeLine of(String name, String api, Collection<HealthReport> health, double heapMb, Instant now) {
    Status overall = Status.OK;
    for (HealthReport report : health) {
      overall = overall.worse(report.status());
    }
    List<Problem> problems = health.stream().filter(r -> r.status().rank() > 0)
        .sorted(Comparator.comparing(HealthReport::part))
        .map(r -> new Problem(r.part(), r.status(), r.lastError())).toList();
    return new NodeLine(name, api, overall, problems, Math.round(heapMb * 10) / 10.0, now);
  }

  String encode() {
    return new String(Wire.bytes(this), StandardCharsets.UTF_8);
  }

  static NodeLine decode(String text) {
    return Wire.read(text.getBytes(StandardCharsets.UTF_8), NodeLine.class);
  }
}
