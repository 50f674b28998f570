package io.tallycast.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The overlay ({@code /overlay/}), the console ({@code /console/}) and their shared modules ({@code /lib/}): plain
 * files from {@code frontend/}, packaged in the jar. Sent with {@code Cache-Control: no-cache}, so a browser left open
 * all night picks up a new version on reload. {@code /} goes to the console.
 */
final class FrontendRoutes {
  private static final String[] PAGES = {"overlay", "console"};

  private FrontendRoutes() {
  }

  static void mount(Router router) {
    StaticHandler files = StaticHandler.create("frontend").setCachingEnabled(false).setDirectoryListing(false);
    router.get("/").handler(ctx -> redirect(ctx, "/console/"));
    for (String page : PAGES) {
      router.get("/" + page).handler(ctx -> redirect(ctx, "/" + page + "/"));
      router.get("/" + page + "/*").handler(FrontendRoutes::noCache).handler(files);
    }
    router.get("/lib/*").handler(FrontendRoutes::noCache).handler(files);
  }

  private static void noCache(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache");
    ctx.next();
  }

  private static void redirect(RoutingContext ctx, String to) {
    String query = ctx.request().query();
    ctx.redirect(query == null ? to : to + "?" + query);
  }
}
