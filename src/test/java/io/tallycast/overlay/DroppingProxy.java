package io.tallycast.overlay;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the browser and the API that a test can cut: {@link #dropAll()} closes every open connection
 * (the overlay's event stream among them) as a failing network or a restarted proxy would, and while
 * {@link #refuse(boolean) refusing} new connections are closed as soon as they arrive, so reconnection attempts fail
 * too until the "network" is back.
 */
final class DroppingProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;

  private DroppingProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  static DroppingProxy start(Vertx vertx, int targetPort) {
    NetClient client = vertx.createNetClient();
    NetServer server = vertx.createNetServer();
    DroppingProxy proxy = new DroppingProxy(server, client);
    server.connectHandler(in -> proxy.relay(in, targetPort));
    server.listen(0, "127.0.0.1").await();
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  void refuse(boolean refuse) {
    refusing = refuse;
  }

  /** Closes every relayed connection in both directions. */
  void dropAll() {
    for (NetSocket socket : open) {
      socket.close();
    }
    open.clear();
  }

  private void relay(NetSocket in, int targetPort) {
    if (refusing) {
      in.close();
      return;
    }
    in.pause();
    client.connect(targetPort, "127.0.0.1").onSuccess(out -> {
      open.add(in);
      open.add(out);
      in.closeHandler(v -> {
        open.remove(in);
        out.close();
      });
      out.closeHandler(v -> {
        open.remove(out);
        in.close();
      });
      in.handler(out::write);
      out.handler(in::write);
      in.resume();
    }).onFailure(e -> in.close());
  }

  @Override
  public void close() {
    dropAll();
    server.close().await();
    client.close().await();
  }
}
