package io.github.faktorytestkit.client.internal;

import io.github.faktorytestkit.client.FaktoryConnectionException;
import io.github.faktorytestkit.client.FaktoryTimeoutException;
import io.github.faktorytestkit.client.FaktoryUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Opens plain and TLS sockets with timeouts, mapping failures to connection exceptions. */
final class Sockets {
  private Sockets() {}

  /**
   * A connected socket and the TCP socket under it (the same socket without TLS).
   *
   * @param socket the socket to read and write (TLS handshake done, host name verified)
   * @param tcp the TCP socket, which may be closed from another thread even while a TLS write blocks
   */
  record Open(Socket socket, Socket tcp) {}

  /** Returns a connected socket with the read timeout set. */
  static Open connect(ConnectionOptions options) {
    FaktoryUrl url = options.url();
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(url.host(), url.port()), (int) options.connectTimeout().toMillis());
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.setSoTimeout((int) options.readTimeout().toMillis());
      return new Open(url.tls() ? startTls(socket, options) : socket, socket);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new FaktoryTimeoutException(url.host(), url.port(), "cannot connect", options.connectTimeout(), e);
    } catch (UnknownHostException e) {
      closeQuietly(socket);
      throw new FaktoryConnectionException(url.host(), url.port(), "cannot connect: unknown host", e);
    } catch (SSLException e) {
      closeQuietly(socket);
      String hint = ServerProbe.tlsFailureHint(options).map(web -> "; " + web).orElse("");
      throw new FaktoryConnectionException(url.host(), url.port(), "TLS handshake failed: " + e.getMessage() + hint,
          e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new FaktoryConnectionException(url.host(), url.port(), "cannot connect: " + e.getMessage(), e);
    }
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release: the socket is unusable either way
    }
  }

  private static Socket startTls(Socket plain, ConnectionOptions options) throws IOException {
    FaktoryUrl url = options.url();
    SSLContext context = options.sslContext() != null ? options.sslContext() : defaultContext();
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, url.host(), url.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  private static SSLContext defaultContext() throws SSLException {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new SSLException("no default TLS context", e);
    }
  }
}
