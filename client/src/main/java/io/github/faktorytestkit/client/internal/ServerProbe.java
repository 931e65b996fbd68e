package io.github.faktorytestkit.client.internal;

import io.github.faktorytestkit.client.FaktoryUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds out what a server that failed the handshake is, for the error message: one plain-text {@code HEAD / HTTP/1.0}
 * on a new connection, bounded by the connect timeout and {@link #WAIT}. An HTTP server (Faktory's Web UI) answers
 * {@code HTTP/}; a Faktory without TLS greets {@code +HI } before it reads anything. Internal API.
 */
public final class ServerProbe {
  /** The longest the probe waits for the first bytes (both kinds of server answer at once). */
  static final Duration WAIT = Duration.ofSeconds(1);
  private static final byte[] REQUEST = "HEAD / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int PREFIX = 5;

  private ServerProbe() {}

  /** Returns a hint naming the server {@code options} name when it answers HTTP, else empty. */
  public static Optional<String> webServerHint(ConnectionOptions options) {
    return webServerHint(options, firstBytes(options));
  }

  /** Returns a hint for a failed TLS handshake: the server answers HTTP, or greets in plain text; else empty. */
  static Optional<String> tlsFailureHint(ConnectionOptions options) {
    String first = firstBytes(options);
    if (first.equals("+HI {")) {
      return Optional.of(where(options) + " greets in plain text: it is a Faktory without TLS (expected: tcp:// for"
          + " it)");
    }
    return webServerHint(options, first);
  }

  private static Optional<String> webServerHint(ConnectionOptions options, String firstBytes) {
    if (!firstBytes.equals("HTTP/")) {
      return Optional.empty();
    }
    return Optional.of(where(options) + " answers HTTP: it is a web server such as Faktory's Web UI (expected:"
        + " Faktory's protocol port, " + FaktoryUrl.DEFAULT_PORT + " by default; the Web UI listens on "
        + (FaktoryUrl.DEFAULT_PORT + 1) + ")");
  }

  private static String firstBytes(ConnectionOptions options) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(options.url().host(), options.url().port()),
          (int) options.connectTimeout().toMillis());
      socket.setSoTimeout((int) WAIT.toMillis());
      socket.getOutputStream().write(REQUEST);
      return readPrefix(socket.getInputStream());
    } catch (IOException e) {
      return "";
    }
  }

  private static String readPrefix(InputStream in) throws IOException {
    byte[] prefix = new byte[PREFIX];
    int n = in.readNBytes(prefix, 0, PREFIX);
    return new String(Arrays.copyOf(prefix, n), StandardCharsets.US_ASCII);
  }

  private static String where(ConnectionOptions options) {
    return options.url().host() + ":" + options.url().port();
  }
}
