package io.tallycast.store;

import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of the audit trail as the API shows it: {"id","seat","name","at","reason","status","before","after",
 * "active","releasedAt","releaseReason"}, before/after being {"status","rounds":{"done","total"},"candidates":[..]}.
 */
final class OverrideJson {
  private OverrideJson() {
  }

  /** A row of {@link Sql#OVERRIDES_ALL} / {@link Sql#OVERRIDE_ONE}. */
  static JsonObject of(ResultSet rs) throws SQLException {
    Long releasedAt = rs.getObject(9) == null ? null : rs.getLong(9);
    return new JsonObject().put("id", rs.getLong(1)).put("seat", rs.getInt(2)).put("name", rs.getString(3))
        .put("at", Instant.ofEpochMilli(rs.getLong(4)).toString()).put("reason", rs.getString(5))
        .put("status", rs.getString(6)).put("before", new JsonObject(rs.getString(7)))
        .put("after", new JsonObject(rs.getString(8))).put("active", releasedAt == null)
        .put("releasedAt", releasedAt == null ? null : Instant.ofEpochMilli(releasedAt).toString())
        .put("releaseReason", rs.getString(10));
  }
}
