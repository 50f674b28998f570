package io.tallycast.support;

import io.tallycast.bus.HealthReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A channel's health as the stream reports it (part "stream", one YouTube destination shown redacted), for the tests of
 * what the store keeps of it and what the report makes of that.
 */
public final class StreamHealthSample {
  private StreamHealthSample() {
  }

  public static HealthReport of(String state, long dropped, long reconnects) {
    JsonObject details = new JsonObject().put("state", state).put("fps", 29.5).put("bitrate", 4_400_000)
        .put("encoded", 900).put("dropped", dropped).put("repeated", 3).put("reconnects", reconnects)
        .put("encoder", new JsonObject().put("level", 1).put("changes", 2))
        .put("source", new JsonObject().put("restarts", 1))
        .put("destinations", new JsonArray().add(new JsonObject().put("target", "rtmp://a.rtmp.youtube.com/live2/****")
            .put("state", "live").put("reconnects", reconnects)));
    return new HealthReport("stream", HealthReport.Status.OK, Instant.now(), null, null, details);
  }
}
