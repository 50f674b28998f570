package io.tallycast.platforms;

import io.tallycast.audience.AudienceConfig;
import io.tallycast.util.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The demo's audience: the four stand-ins playing a counting day's curves (YouTube the largest, then Facebook, the
 * website and Twitch), and the audience configuration that points the real clients at them with fresh credentials.
 */
public final class DemoPlatforms {
  private DemoPlatforms() {
  }

  /** The stand-ins, running, and the configuration to ask them. */
  public record Started(PlatformStandIns standIns, AudienceConfig config) {
  }

  public static Future<Started> start(Vertx vertx, DoubleSupplier countingHours, Duration interval) {
    PlatformStandIns.Script script = new PlatformStandIns.Script(token(), "tallycast-demo", "demo-client", token(),
        "tallycast_news", token(), "1010101010", Map.of(
            "youtube", ViewerCurve.countingDay(1.0, 0.0),
            "facebook", ViewerCurve.countingDay(0.42, 1.3),
            "website", ViewerCurve.countingDay(0.27, 2.1),
            "twitch", ViewerCurve.countingDay(0.06, 0.7)));
    PlatformStandIns standIns = new PlatformStandIns(script, countingHours, "127.0.0.1");
    return vertx.deployVerticle(standIns).map(id -> {
      String base = standIns.baseUrl();
      AudienceConfig config = new AudienceConfig(interval, List.of(
          new AudienceConfig.Platform("youtube", "youtube", base, script.youtubeVideo(), null, null,
              Secret.of(script.youtubeKey())),
          new AudienceConfig.Platform("facebook", "facebook", base, script.facebookVideo(), null, null,
              Secret.of(script.facebookToken())),
          new AudienceConfig.Platform("twitch", "twitch", base, script.twitchLogin(), script.twitchClientId(), null,
              Secret.of(script.twitchToken())),
          new AudienceConfig.Platform("json", "website", base + "/website/live.json", null, null, "/watching/now",
              null)));
      return new Started(standIns, config);
    });
  }

  private static String token() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
