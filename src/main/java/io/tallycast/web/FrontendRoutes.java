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
    router.get("/").handler(ctx -> redirect(ctx, "/console/"));
    for (String page : PAGES) {
      // a plain "/overlay" route also matches "/overlay/": only the bare name is redirected
      router.getWithRegex("/" + page).handler(ctx -> redirect(ctx, "/" + page + "/"));
      // a "/x/*" route hands StaticHandler the path after "/x/", so each folder is its own web root
      router.get("/" + page + "/*").handler(FrontendRoutes::noCache).handler(files("frontend/" + page));
    }
    router.get("/lib/*").handler(FrontendRoutes::noCache).handler(files("frontend/lib"));
  }

  private static StaticHandler files(String root) {
    // UTF-8 whatever the JVM's locale: without it the overlay on air showed "Â±" for "±" (issue 10, finding 10)
    return StaticHandler.create(root).setCachingEnabled(false).setDirectoryListing(false)
        .setDefaultContentEncoding("UTF-8");
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
