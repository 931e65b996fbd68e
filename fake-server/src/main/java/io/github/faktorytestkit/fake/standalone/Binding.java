package io.github.faktorytestkit.fake.standalone;

import java.net.InetSocketAddress;

/**
 * A listen address written as Faktory's flags take it: {@code host:port}, {@code :port} for every interface, or
 * {@code [v6 address]:port}. The host is resolved as given, so {@code localhost} binds one address, as Go does.
 */
record Binding(String text, String host, int port) {

  /** Returns the binding {@code text} means; throws {@link IllegalArgumentException} when it is malformed. */
  static Binding parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("binding: " + text + " (expected: host:port or :port)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Binding(text, host, parsePort(text, text.substring(colon + 1)));
  }

  /**
   * Returns the binding {@code text} means; throws {@link StartupException} (a boot failure, as the binary reports
   * it) starting with {@code failurePrefix} when it is malformed.
   */
  static Binding parseOrRefuse(String text, String failurePrefix) throws StartupException {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw StartupException.boot(failurePrefix + text + ": " + e.getMessage());
    }
  }

  private static int parsePort(String text, String port) {
    try {
      int value = Integer.parseInt(port);
      if (value >= 0 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("binding: " + text + " (expected: a port from 0 to 65535)");
  }

  /** Returns the host to bind: the wildcard address when none is given. */
  String bindHost() {
    return host.isEmpty() ? "0.0.0.0" : host;
  }

  /** Returns whether every address this binding listens on is a loopback address. */
  boolean loopbackOnly() {
    return !host.isEmpty() && address().getAddress() != null && address().getAddress().isLoopbackAddress();
  }

  /** Returns the socket address to bind. */
  InetSocketAddress address() {
    return new InetSocketAddress(bindHost(), port);
  }

  /** Returns the binding as Faktory prints it, with the actually bound port in place of a requested port 0. */
  String describe(int boundPort) {
    return port == 0 ? text.substring(0, text.lastIndexOf(':') + 1) + boundPort : text;
  }
}
