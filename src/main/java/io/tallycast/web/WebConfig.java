package io.tallycast.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * Where the API (and with it the console and the overlay) listens. This machine only ({@value #LOOPBACK}) unless told
 * otherwise: the console changes what goes on air, so opening it to the newsroom's network is a choice
 * ({@code --host 0.0.0.0}), never a default.
 *
 * @param host an address of this machine to bind, or {@value #ALL_INTERFACES} for all of them
 */
public record WebConfig(String host, int port) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final String ALL_INTERFACES = "0.0.0.0";
  /** The API's port when none is given (demo's --port, serve's port:). */
  public static final String DEFAULT_PORT = "8080";

  public WebConfig {
    host = host == null || host.isBlank() ? LOOPBACK : host.strip();
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, not " + port);
    }
  }

  /** As a configuration gives them: a host or port left out (null) takes its default. */
  public static WebConfig of(String host, Integer port) {
    return new WebConfig(host, port == null ? Integer.parseInt(DEFAULT_PORT) : port);
  }

  /** This machine only, on the port (0: any free one). */
  public static WebConfig on(int port) {
    return new WebConfig(LOOPBACK, port);
  }

  public boolean allInterfaces() {
    return host.equals(ALL_INTERFACES) || host.equals("::") || host.equals("[::]");
  }

  /** The API's root as this machine opens it (the printed links, the stream's own capture of the overlay). */
  public String localUrl(int actualPort) {
    return "http://" + (allInterfaces() ? LOOPBACK : urlHost(host)) + ":" + actualPort;
  }

  /** One line for the commands' banner: who can open it, and how. */
  public String reach(int actualPort) {
    if (allInterfaces()) {
      String other = lanAddress().map(a -> urlHost(a.getHostAddress())).orElse("<this machine>");
      return "listening on all interfaces, e.g. http://" + other + ":" + actualPort + "/ from another machine";
    }
    if (host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1")) {
      return "this machine only (" + host + "); --host 0.0.0.0 opens it to the network";
    }
    return "listening on " + host + " only";
  }

  private static String urlHost(String address) {
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }

  /** An IPv4 address of this machine other than loopback, the one a colleague would type; none on a bare host. */
  public static Optional<InetAddress> lanAddress() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().filter(WebConfig::up)
          .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
          .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean up(NetworkInterface n) {
    try {
      return n.isUp() && !n.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
