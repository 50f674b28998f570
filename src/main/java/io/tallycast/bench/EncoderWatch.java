package io.tallycast.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The stream's encoder status sampled once a second on its own thread: the {@code encoder} object of
 * {@code Streamer.status()} ({preset, level, note}), read generically so that a stream without it still runs. Keeps
 * the moments it changed, timed from the mark (the start of the measured window).
 */
final class EncoderWatch implements AutoCloseable {
  /** One change: seconds since the mark (negative before it) and what the encoder said from then on. */
  record Change(double atSeconds, String said) {
  }

  private final Supplier<JsonObject> status;
  private final List<Change> changes = new ArrayList<>();
  private final Thread thread;
  private volatile long markNanos = System.nanoTime();
  private volatile boolean running = true;
  private int samples;
  private int present;

  EncoderWatch(Supplier<JsonObject> status) {
    this.status = status;
    this.thread = new Thread(this::loop, "bench-encoder-watch");
    this.thread.setDaemon(true);
  }

  EncoderWatch start() {
    thread.start();
    return this;
  }

  /** Times are counted from now on. */
  void mark() {
    markNanos = System.nanoTime();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized void sample() {
    String said;
    try {
      said = describe(status.get());
    } catch (RuntimeException e) {
      return; // a status read while the stream stops
    }
    samples++;
    if (said != null) {
      present++;
    }
    String last = changes.isEmpty() ? null : changes.get(changes.size() - 1).said();
    if (said != null && !said.equals(last)) {
      changes.add(new Change((System.nanoTime() - markNanos) / 1e9, said));
    }
  }

  /** "preset veryfast, level 0, note ..." from the status's encoder object, or null when it has none. */
  static String describe(JsonObject status) {
    Object encoder = status == null ? null : status.getValue("encoder");
    if (!(encoder instanceof JsonObject e)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String key : List.of("preset", "level", "note")) {
      Object v = e.getValue(key);
      if (v != null && !String.valueOf(v).isBlank()) {
        parts.add(key + " " + v);
      }
    }
    return parts.isEmpty() ? e.encode() : String.join(", ", parts);
  }

  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** Lines for the report: what the encoder said and when it changed, or that the status has no encoder object. */
  synchronized List<String> report() {
    List<String> lines = new ArrayList<>();
    if (present == 0) {
      lines.add("encoder status: Streamer.status() has no 'encoder' object (" + samples + " samples, one a second)");
      return lines;
    }
    lines.add("encoder status, sampled each second (" + samples + " samples; t from the start of the window):");
    for (Change c : changes) {
      lines.add(String.format(Locale.ROOT, "  t=%+.0f s  %s", c.atSeconds(), c.said()));
    }
    if (changes.size() == 1) {
      lines.add("  (no change)");
    }
    return lines;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    sample();
  }
}
