package io.tallycast.bus;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What an override or a release did: the audit row as the API shows it (see {@link OverrideJson}) and the events it
 * committed, in id order.
 */
public record OverrideResult(JsonObject override, List<ResultEvent> events) {
}
