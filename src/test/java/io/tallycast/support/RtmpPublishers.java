package io.tallycast.support;

import io.tallycast.bench.BundledFfmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local RTMP ingest that takes publisher after publisher on one address, as YouTube's does when a stream is resumed
 * from another machine: each connection is relayed to a fresh bundled-ffmpeg listener (which takes one connection and
 * copies it into {@code publisher-N.flv}), and noted: when it opened and closed, when its first video frame was
 * written, and how many connections were ever open at once (two publishers of one stream would show as two).
 */
public final class RtmpPublishers implements AutoCloseable {
  private final Path dir;
  private final String app;
  private final String key;
  private final ServerSocket server;
  private final List<Publisher> publishers = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private volatile boolean closed;

  private RtmpPublishers(Path dir, String app, String key) throws IOException {
    this.dir = dir;
    this.app = app;
    this.key = key;
    this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "rtmp-publishers");
    accept.setDaemon(true);
    accept.start();
  }

  /** Listens on a free loopback port for {@code rtmp://127.0.0.1:PORT/APP/KEY}; files go to {@code dir}. */
  public static RtmpPublishers start(Path dir, String app, String key) throws IOException {
    return new RtmpPublishers(Files.createDirectories(dir), app, key);
  }

  /** The ingest URL a publisher is given. */
  public String url() {
    return "rtmp://127.0.0.1:" + server.getLocalPort() + "/" + app + "/" + key;
  }

  /** Every connection so far, in the order they came. */
  public List<Publisher> publishers() {
    return List.copyOf(publishers);
  }

  /** The most connections that were ever open at the same time. */
  public int mostAtOnce() {
    return mostOpen.get();
  }

  /** One publisher's connection. Times are {@link System#nanoTime()}; -1 while not yet. */
  public static final class Publisher {
    private final int index;
    private final Path file;
    private final long connectedAt = System.nanoTime();
    private volatile long closedAt = -1;
    private volatile long firstVideoAt = -1;
    private volatile Process ffmpeg;

    Publisher(int index, Path file) {
      this.index = index;
      this.file = file;
    }

    public int index() {
      return index;
    }

    public Path file() {
      return file;
    }

    public long connectedAt() {
      return connectedAt;
    }

    public long closedAt() {
      return closedAt;
    }

    public long firstVideoAt() {
      return firstVideoAt;
    }

    public boolean open() {
      return closedAt < 0;
    }

    /** What ffmpeg said about this publisher (a stream name other than the one it listens for would be here). */
    public String log() throws IOException {
      Path log = file.resolveSibling(file.getFileName() + ".log");
      return Files.exists(log) ? Files.readString(log) : "";
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Publisher p = new Publisher(publishers.size() + 1, dir.resolve("publisher-" + (publishers.size() + 1)
            + ".flv"));
        publishers.add(p);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        Thread relay = new Thread(() -> relay(client, p), "rtmp-publisher-" + p.index);
        relay.setDaemon(true);
        relay.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("rtmp publishers: " + e);
        }
      }
    }
  }

  /** A listener of its own for this connection, then bytes both ways until either side ends. */
  private void relay(Socket client, Publisher p) {
    try (client) {
      int port = BundledFfmpeg.freePort();
      Path log = p.file.resolveSibling(p.file.getFileName() + ".log");
      // no probing of the input: the file gets each frame as it comes, so its first frame dates the resumption
      p.ffmpeg = BundledFfmpeg.builder(BundledFfmpeg.ffmpeg(), List.of("-hide_banner", "-nostdin", "-loglevel",
              "warning", "-y", "-analyzeduration", "0", "-probesize", "32", "-listen", "1", "-i",
              "rtmp://127.0.0.1:" + port + "/" + app + "/" + key, "-c", "copy", "-flush_packets", "1", "-f", "flv",
              p.file.toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!BundledFfmpeg.listening(port) && System.nanoTime() < deadline && p.ffmpeg.isAlive()) {
        Thread.sleep(20);
      }
      Thread watch = new Thread(() -> watchFirstVideo(p), "rtmp-publisher-" + p.index + "-watch");
      watch.setDaemon(true);
      watch.start();
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
        Thread back = new Thread(() -> pump(upstream, client), "rtmp-publisher-" + p.index + "-back");
        back.setDaemon(true);
        back.start();
        pump(client, upstream);
        back.join(5000);
      }
    } catch (IOException | InterruptedException e) {
      // the publisher or the listener went away: noted below
    } finally {
      p.closedAt = System.nanoTime();
      open.decrementAndGet();
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        // already closed
      }
      try {
        from.shutdownInput();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  /** Looks at the file every 150 ms until a video frame is in it (ffprobe counts packets without decoding). */
  private static void watchFirstVideo(Publisher p) {
    while (p.firstVideoAt < 0 && (p.open() || System.nanoTime() - p.closedAt < TimeUnit.SECONDS.toNanos(2))) {
      try {
        if (Files.exists(p.file) && Files.size(p.file) > 0 && BundledFfmpeg.videoPackets(p.file) > 0) {
          p.firstVideoAt = System.nanoTime();
          return;
        }
      } catch (IOException e) {
        // nothing readable yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    closed = true;
    server.close();
    for (Publisher p : publishers) {
      Process ffmpeg = p.ffmpeg;
      if (ffmpeg != null && ffmpeg.isAlive()) {
        ffmpeg.destroy();
        if (!ffmpeg.waitFor(5, TimeUnit.SECONDS)) {
          ffmpeg.destroyForcibly();
        }
      }
    }
  }
}
