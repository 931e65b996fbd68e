package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The chain is served as Go serves it: every certificate's bytes as the PEM held them, those after the first unread
 * (here three bytes that are no certificate at all), in the TLS 1.2 certificate message a client sees in the clear,
 * on the command port and through the standalone jar's web endpoints' relay ({@link HttpsRelay}).
 */
class ServedChainTest {
  private static final byte[] NOT_A_CERTIFICATE = {1, 2, 3};
  private static final String CHAIN = TestKeys.pem("ec.cert.pem") + TestCertificate.pem(NOT_A_CERTIFICATE);
  private static final String KEY = TestKeys.pem("ec-sec1.key.pem");
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  @Test
  void theCommandPortSendsTheChainAsItIs() throws Exception {
    try (FakeFaktory fake = FakeFaktory.builder().tls(CHAIN, KEY).start()) {
      assertThat(sentTo(fake.url().getHost(), fake.port())).contains(certificateList());
    }
  }

  @Test
  void theWebEndpointsRelaySendsTheChainAsItIs() throws Exception {
    try (ServerSocket web = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        HttpsRelay relay = HttpsRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TlsCredentials.fromPem(CHAIN, KEY), (InetSocketAddress) web.getLocalSocketAddress())) {
      assertThat(sentTo(relay.localAddress().getHostString(), relay.localAddress().getPort()))
          .contains(certificateList());
    }
  }

  /** What the server at {@code host:port} sends to the client hello, up to the certificate list or the close. */
  private static String sentTo(String host, int port) throws Exception {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.getOutputStream().write(clientHello());
      return readUntil(socket.getInputStream(), certificateList());
    }
  }

  /** A TLS 1.2 client hello record of the JDK's client, offering the suite Go picks for an EC key. */
  private static byte[] clientHello() {
    String message = JdkClientHello.message("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    return HexFormat.of().parseHex("160303" + String.format("%04x", message.length() / 2) + message);
  }

  /** The certificate list of the certificate message: each certificate's length in 3 bytes, then its bytes. */
  private static String certificateList() {
    byte[] leaf = PemBlocks.of(CHAIN).get(0).der();
    return String.format("%06x", leaf.length) + HexFormat.of().formatHex(leaf)
        + String.format("%06x", NOT_A_CERTIFICATE.length) + HexFormat.of().formatHex(NOT_A_CERTIFICATE);
  }

  /** The hex of what the server sends, up to {@code hex} or the end of the stream. */
  private static String readUntil(InputStream in, String hex) throws Exception {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!HexFormat.of().formatHex(read.toByteArray()).contains(hex)) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      read.write(buffer, 0, n);
    }
    return HexFormat.of().formatHex(read.toByteArray());
  }
}
