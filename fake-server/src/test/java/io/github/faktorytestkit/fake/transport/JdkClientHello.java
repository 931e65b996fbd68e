package io.github.faktorytestkit.fake.transport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/** Client hello messages as the JDK's client writes them, for feeding a server without a socket. */
final class JdkClientHello {
  private static final int RECORD_HEADER = 5;

  private JdkClientHello() {}

  /** The hex of the client hello message (no record header) of a JDK client offering only {@code suites}. */
  static String message(String protocol, String... suites) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, null, null);
      SSLEngine client = context.createSSLEngine("127.0.0.1", 7419);
      client.setUseClientMode(true);
      client.setEnabledProtocols(new String[] {protocol});
      client.setEnabledCipherSuites(suites);
      ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
      client.wrap(ByteBuffer.allocate(0), out);
      out.flip().position(RECORD_HEADER);
      byte[] message = new byte[out.remaining()];
      out.get(message);
      return HexFormat.of().formatHex(message);
    } catch (GeneralSecurityException | SSLException e) {
      throw new IllegalStateException("JDK client hello for " + protocol, e);
    }
  }
}
