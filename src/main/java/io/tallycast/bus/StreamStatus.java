package io.tallycast.bus;

import io.vertx.core.json.JsonObject;

/**
 * The stream's state as the console shows it after a start or stop: {"state":"running"|"stopped", the picture, each
 * destination...}, shown as it is, read by no part.
 */
public record StreamStatus(JsonObject status) {
}
