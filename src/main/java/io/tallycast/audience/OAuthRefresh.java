package io.tallycast.audience;

import io.tallycast.util.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;

/**
 * An OAuth 2.0 access token from a refresh token (RFC 6749 section 6, as Google's token endpoint takes it: a form
 * with grant_type=refresh_token, client_id, client_secret, refresh_token; it answers access_token and expires_in). The
 * token is kept until a minute before it expires, or until the API refuses it; one refresh at a time.
 */
final class OAuthRefresh {
  /** Refreshing a minute early: a token that expires on the way is refused. */
  private static final long EARLY_SECONDS = 60;

  private final WebClient client;
  private final String tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final Secret refreshToken;
  private final Clock clock;
  private Secret current;
  private Instant expires = Instant.MIN;
  private Future<Secret> refreshing;
  private int refreshes;

  /** The token endpoint said no, or could not be asked: the message says what to do. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  OAuthRefresh(WebClient client, AnalyticsConfig config, Clock clock) {
    this.client = client;
    this.tokenUrl = config.tokenUrl();
    this.clientId = config.clientId();
    this.clientSecret = config.clientSecret();
    this.refreshToken = config.refreshToken();
    this.clock = clock;
  }

  /** A valid access token: the kept one, or a fresh one. */
  synchronized Future<Secret> token() {
    if (current != null && clock.instant().isBefore(expires)) {
      return Future.succeededFuture(current);
    }
    if (refreshing == null || refreshing.isComplete()) {
      refreshing = refresh();
    }
    return refreshing;
  }

  /** The API refused this token (401): the next {@link #token()} asks for a new one. */
  synchronized void refused(Secret token) {
    if (token == current) {
      current = null;
    }
  }

  synchronized int refreshes() {
    return refreshes;
  }

  /** The text with every credential this class knows replaced by stars. */
  synchronized String redact(String text) {
    String safe = refreshToken.redact(clientSecret.redact(text));
    return current == null ? safe : current.redact(safe);
  }

  private Future<Secret> refresh() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
        .add("client_id", clientId).add("client_secret", clientSecret.reveal())
        .add("refresh_token", refreshToken.reveal());
    return client.postAbs(tokenUrl).timeout(30_000).sendForm(form)
        .recover(e -> Future.failedFuture(new Refused(redact("cannot reach the token endpoint " + tokenUrl + ": "
            + e.getMessage()))))
        .compose(this::took);
  }

  private Future<Secret> took(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = new JsonObject(response.bodyAsString() == null ? "{}" : response.bodyAsString());
    } catch (RuntimeException e) {
      return Future.failedFuture(new Refused("the token endpoint answered " + response.statusCode()
          + " with something that is not JSON"));
    }
    String error = json.getString("error");
    if (response.statusCode() != 200 || error != null || json.getString("access_token") == null) {
      String why = (error == null ? "answered " + response.statusCode() : error)
          + (json.getString("error_description") == null ? "" : ": " + json.getString("error_description"));
      String advice = "invalid_grant".equals(error)
          ? "authorize the channel again and replace youtubeAnalytics.refreshTokenFile"
          : "invalid_client".equals(error) || "unauthorized_client".equals(error)
          ? "check youtubeAnalytics.clientId and clientSecretFile" : "try again later";
      return Future.failedFuture(new Refused(redact("the token endpoint refused a new access token (" + why + "): "
          + advice)));
    }
    Secret token = Secret.of(json.getString("access_token"));
    long lifetime = json.getLong("expires_in", 3600L);
    synchronized (this) {
      current = token;
      expires = clock.instant().plusSeconds(Math.max(0, lifetime - EARLY_SECONDS));
      refreshes++;
    }
    return Future.succeededFuture(token);
  }
}
