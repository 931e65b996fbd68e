package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fake with each kind of key Go reads serves a handshake to the JDK's client, over TLS 1.3 and 1.2, with the
 * suite Go picks first (TlsIT compares the choices with real Faktory's).
 */
class TlsHandshakeTest {
  @ParameterizedTest(name = "{0} + {1}, {2}")
  @CsvSource({
      "rsa.cert.pem, rsa-pkcs1.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "rsa.cert.pem, rsa-pkcs1.key.pem, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "ec.cert.pem, ec-sec1.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "ec.cert.pem, ec-sec1.key.pem, TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
  void everyKeyGoReadsServesAHandshake(String certificate, String key, String protocol, String suite)
      throws Exception {
    String certificatePem = resource(certificate);
    try (FakeFaktory fake = FakeFaktory.builder().tls(certificatePem, resource(key)).start();
        SSLSocket socket = (SSLSocket) TestKeys.trusting(certificatePem).getSocketFactory()
            .createSocket(fake.url().getHost(), fake.port())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();

      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
    }
  }

  /**
   * A key on P-224, which Go signs with over TLS 1.2 only (no TLS 1.3 signature scheme is for P-224): a TLS 1.3
   * hello gets Go's {@code handshake_failure} alert as the first reply (as real Faktory's, seen with openssl), a TLS
   * 1.2 one a server hello.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"TLSv1.3, TLS_AES_128_GCM_SHA256, 15030300020228",
      "TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 160303"})
  void aP224KeyServesTls12Only(String protocol, String suite, String replyStart) throws Exception {
    TestCertificate.Pair p224 = TestCertificate.p224();
    String hello = JdkClientHello.message(protocol, suite);
    try (FakeFaktory fake = FakeFaktory.builder().tls(p224.certificatePem(), p224.keyPem()).start();
        Socket socket = new Socket(fake.url().getHost(), fake.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex("160301" + String.format("%04x", hello.length() / 2)
          + hello));

      byte[] reply = socket.getInputStream().readNBytes(replyStart.length() / 2);
      assertThat(HexFormat.of().formatHex(reply)).isEqualTo(replyStart);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TlsHandshakeTest.class.getResourceAsStream("keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
