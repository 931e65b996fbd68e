package io.github.faktorytestkit.real;

import java.net.URI;
import java.net.URISyntaxException;

/** Builds the protocol URLs of real targets, in the client convention {@code tcp[+tls]://[:password@]host:port}. */
final class FaktoryUrls {
  private FaktoryUrls() {}

  /** Returns the URL of a server on 127.0.0.1:{@code port}; {@code password} may be null. */
  static URI protocol(boolean tls, String password, int port) {
    return protocol(tls, password, LoopbackPorts.HOST, port);
  }

  /** Returns the URL of a server on {@code host}:{@code port}; {@code password} may be null. */
  static URI protocol(boolean tls, String password, String host, int port) {
    try {
      String userInfo = password == null ? null : ":" + password;
      return new URI(tls ? "tcp+tls" : "tcp", userInfo, host, port, null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("password: not usable in a URL (expected: any text)", e);
    }
  }
}
