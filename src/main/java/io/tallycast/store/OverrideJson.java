package io.tallycast.store;

import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of the audit trail as the API shows it: {"id","state","seat","name","at","reason","status","before","after",
 * "active","releasedAt","releaseReason"}, before/after being {"status","rounds":{"done","total"},"candidates":[..]}.
 */
final class OverrideJson {
  private OverrideJson() {
  }

  /** A row of {@link Sql#OVERRIDES_ALL} / {@link Sql#OVERRIDE_ONE}. */
  static JsonObject of(ResultSet rs) throws SQLException {
    Long releasedAt = rs.getObject(10) == null ? null : rs.getLong(10);
    return new JsonObject().put("id", rs.getLong(1)).put("state", rs.getString(2)).put("seat", rs.getInt(3))
        .put("name", rs.getString(4)).put("at", Instant.ofEpochMilli(rs.getLong(5)).toString())
        .put("reason", rs.getString(6)).put("status", rs.getString(7)).put("before", new JsonObject(rs.getString(8)))
        .put("after", new JsonObject(rs.getString(9))).put("active", releasedAt == null)
        .put("releasedAt", releasedAt == null ? null : Instant.ofEpochMilli(releasedAt).toString())
        .put("releaseReason", rs.getString(11));
  }
}
