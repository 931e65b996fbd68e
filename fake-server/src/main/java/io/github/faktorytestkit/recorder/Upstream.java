package io.github.faktorytestkit.recorder;

import io.github.faktorytestkit.client.FaktoryUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Where the proxy forwards to: a Faktory URL's host and port, over TLS for {@code tcp+tls://}. */
record Upstream(FaktoryUrl url, SSLContext sslContext, Duration connectTimeout) {

  /** Returns a connected socket to the server, its TLS handshake done and host name verified. */
  Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(url.host(), url.port()), (int) connectTimeout.toMillis());
      socket.setTcpNoDelay(true);
      return url.tls() ? startTls(socket) : socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private Socket startTls(Socket plain) throws IOException {
    SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(plain, url.host(), url.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  /** Returns where the server is, for messages: {@code host:port}, never the password. */
  String describe() {
    return url.host() + ":" + url.port();
  }
}
