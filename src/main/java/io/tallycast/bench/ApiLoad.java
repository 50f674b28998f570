package io.tallycast.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load on one API route: each of N keep-alive connections sends the next request as soon as the answer
 * has been read whole, for a fixed time after a warm-up. Latencies are taken from the send to the last byte. The
 * client runs in its own Vert.x, but in this process: on a small machine it takes CPU from the server it measures, so
 * the figures compare runs on one machine rather than promise a capacity.
 */
public final class ApiLoad {
  /** One run's figures; latencies in milliseconds. */
  public record Result(String label, int requests, double perSecond, double p50, double p90, double p99, double max,
                       long bytesPerAnswer, Map<Integer, Integer> statuses) {
  }

  private final int port;
  private final int connections;

  public ApiLoad(int port, int connections) {
    this.port = port;
    this.connections = connections;
  }

  public Result run(String label, String path, Map<String, String> headers, int warmupSeconds, int seconds) {
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections)
        .setMaxWaitQueueSize(-1));
    try {
      long start = System.nanoTime();
      Window window = new Window(start + warmupSeconds * 1_000_000_000L, seconds);
      Promise<Void> done = Promise.promise();
      AtomicLong running = new AtomicLong(connections);
      for (int i = 0; i < connections; i++) {
        next(client, path, headers, window, () -> {
          if (running.decrementAndGet() == 0) {
            done.complete();
          }
        });
      }
      done.future().await();
      return window.result(label, seconds);
    } finally {
      client.close().await();
      vertx.close().await();
    }
  }

  private void next(HttpClientAgent client, String path, Map<String, String> headers, Window window,
      Runnable finished) {
    long sent = System.nanoTime();
    if (sent >= window.end) {
      finished.run();
      return;
    }
    client.request(HttpMethod.GET, path).compose(request -> {
      headers.forEach(request::putHeader);
      return request.send();
    }).compose(response -> response.body().map(body -> {
      window.record(sent, System.nanoTime(), response.statusCode(), body.length());
      return body;
    })).onComplete(ar -> {
      if (ar.failed()) {
        window.record(sent, System.nanoTime(), -1, 0);
      }
      next(client, path, headers, window, finished);
    });
  }

  /** What was measured between the warm-up and the end; recorded on the client's event loops, hence synchronized. */
  private static final class Window {
    private final long from;
    private final long end;
    private long[] latencies = new long[1 << 16];
    private int count;
    private long bytes;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    Window(long from, int seconds) {
      this.from = from;
      this.end = from + seconds * 1_000_000_000L;
    }

    synchronized void record(long sent, long received, int status, int length) {
      if (sent < from || received > end) {
        return;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = received - sent;
      bytes += length;
      statuses.merge(status, 1, Integer::sum);
    }

    synchronized Result result(String label, int seconds) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      return new Result(label, count, count / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
          count == 0 ? 0 : sorted[count - 1] / 1e6, count == 0 ? 0 : bytes / count, Map.copyOf(statuses));
    }

    private static double ms(long[] sorted, double quantile) {
      return sorted.length == 0 ? 0
          : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
  }
}
