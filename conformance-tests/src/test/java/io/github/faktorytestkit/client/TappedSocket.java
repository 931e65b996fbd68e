package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A plain socket that keeps a copy of the first bytes it receives, for a TLS layer put over it. */
final class TappedSocket extends Socket {
  private static final int KEPT = 16 * 1024;

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private InputStream tapped;

  TappedSocket(String host, int port) throws IOException {
    super(host, port);
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (tapped == null) {
      tapped = new FilterInputStream(super.getInputStream()) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          keep(buffer, offset, n);
          return n;
        }
      };
    }
    return tapped;
  }

  /**
   * Returns the first bytes (up to 16 KiB) a handshake of {@code client} with the server at {@code url} over
   * {@code protocol} ({@code "TLSv1.3"}) receives, up to and with the first byte after it (the server's HI: what the
   * server sent after the handshake, a ticket, is taken in before it).
   */
  static byte[] handshake(SSLContext client, URI url, String protocol) throws IOException {
    try (TappedSocket tapped = new TappedSocket(url.getHost(), url.getPort());
        SSLSocket socket = (SSLSocket) client.getSocketFactory()
            .createSocket(tapped, url.getHost(), url.getPort(), true)) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      socket.getInputStream().read();
      return tapped.received();
    }
  }

  /** Returns the first bytes received (up to 16 KiB). */
  synchronized byte[] received() {
    return received.toByteArray();
  }

  private synchronized void keep(byte[] buffer, int offset, int length) {
    int room = KEPT - received.size();
    if (length > 0 && room > 0) {
      received.write(buffer, offset, Math.min(length, room));
    }
  }
}
