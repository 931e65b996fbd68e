package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fake with each kind of key Go reads serves a handshake to the JDK's client, over TLS 1.3 and 1.2, with the
 * suite Go picks first (TlsIT compares the choices with real Faktory's).
 */
class TlsHandshakeTest {
  /** BouncyCastle's JSSE, a client whose signature schemes a test can name. */
  private static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

  @ParameterizedTest(name = "{0} + {1}, {2}")
  @CsvSource({
      "rsa.cert.pem, rsa-pkcs1.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "rsa.cert.pem, rsa-pkcs1.key.pem, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "ec.cert.pem, ec-sec1.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "ec.cert.pem, ec-sec1.key.pem, TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "rsa3.cert.pem, rsa3-pkcs1.key.pem, TLSv1.3, TLS_AES_128_GCM_SHA256",
      "rsa3.cert.pem, rsa3-pkcs1.key.pem, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
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
   * A key of three primes (keys/rsa3-*, made by Go), which Go signs with by its private exponent alone: a handshake
   * completes with each RSA scheme Go signs with, offered alone by the client (BouncyCastle's, which names them, and
   * refuses a signature of a scheme it did not offer), which checks the signature against the certificate's key.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"TLSv1.3, rsa_pss_rsae_sha256", "TLSv1.3, rsa_pss_rsae_sha384", "TLSv1.3, rsa_pss_rsae_sha512",
      "TLSv1.2, rsa_pss_rsae_sha256", "TLSv1.2, rsa_pkcs1_sha256", "TLSv1.2, rsa_pkcs1_sha384",
      "TLSv1.2, rsa_pkcs1_sha512"})
  void aKeyOfThreePrimesSignsWithEachRsaScheme(String protocol, String scheme) throws Exception {
    String certificatePem = resource("rsa3.cert.pem");
    try (FakeFaktory fake = FakeFaktory.builder().tls(certificatePem, resource("rsa3-pkcs1.key.pem")).start();
        SSLSocket socket = (SSLSocket) TestKeys.trusting(certificatePem, JSSE).getSocketFactory()
            .createSocket(fake.url().getHost(), fake.port())) {
      BCSSLSocket bouncyCastle = (BCSSLSocket) socket;
      BCSSLParameters parameters = bouncyCastle.getParameters();
      parameters.setProtocols(new String[] {protocol});
      parameters.setSignatureSchemes(new String[] {scheme});
      parameters.setSignatureSchemesCert(new String[] {"rsa_pkcs1_sha256"});
      bouncyCastle.setParameters(parameters);
      socket.startHandshake();

      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
    }
  }

  /**
   * The standalone jar's web endpoints (the command port's TLS in front of the HTTP server: {@link HttpsRelay}) serve
   * the key of three primes too, as Go's web server, which reads the same pair, does.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"TLSv1.3", "TLSv1.2"})
  void theWebEndpointsServeAKeyOfThreePrimes(String protocol) throws Exception {
    try (Web web = new Web(resource("rsa3-pkcs1.key.pem"), protocol)) {
      web.client.startHandshake();
      web.client.getOutputStream().write('x');

      assertThat(web.client.getSession().getProtocol()).isEqualTo(protocol);
      assertThat(web.served.get(10, TimeUnit.SECONDS)).isEqualTo('x');
    }
  }

  /**
   * On the web endpoints too, a key of three primes whose d does not fit e fails the handshake at its signature with
   * Go's alert, as the command port does ({@link #aKeyOfThreePrimesWhoseSignaturesFailFailsTheHandshakeAsGo}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"TLSv1.3, internal_error", "TLSv1.2, handshake_failure"})
  void theWebEndpointsFailAHandshakeWithAKeyWhoseDDoesNotFitEAsGo(String protocol, String alert) throws Exception {
    try (Web web = new Web(ThreePrimeKeys.changed("d + 2"), protocol)) {
      assertThatThrownBy(web.client::startHandshake).isInstanceOf(SSLException.class)
          .hasMessageContaining("Received fatal alert: " + alert);
    }
  }

  /**
   * A web endpoint of the three-prime certificate and {@code key} (a relay to a plain socket that reads one byte), and
   * a JDK client of {@code protocol} to it.
   */
  private static final class Web implements AutoCloseable {
    private final ServerSocket target;
    private final HttpsRelay relay;
    final SSLSocket client;
    /** The first byte the endpoint reads. */
    final CompletableFuture<Integer> served;

    Web(String key, String protocol) throws Exception {
      String certificatePem = resource("rsa3.cert.pem");
      InetAddress loopback = InetAddress.getLoopbackAddress();
      target = new ServerSocket(0, 1, loopback);
      relay = HttpsRelay.start(new InetSocketAddress(loopback, 0), TlsCredentials.fromPem(certificatePem, key),
          (InetSocketAddress) target.getLocalSocketAddress());
      served = CompletableFuture.supplyAsync(() -> {
        try (Socket accepted = target.accept()) {
          return accepted.getInputStream().read();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      client = (SSLSocket) TestKeys.trusting(certificatePem).getSocketFactory()
          .createSocket(loopback, relay.localAddress().getPort());
      client.setEnabledProtocols(new String[] {protocol});
    }

    @Override
    public void close() throws IOException {
      client.close();
      relay.close();
      target.close();
    }
  }

  /**
   * A key of three primes whose d does not fit e, which Go reads without checking (TlsKeyPairTest), then fails each
   * handshake with at its signature, whose check fails: with {@code internal_error} over TLS 1.3,
   * {@code handshake_failure} over TLS 1.2 (Go's server's alerts to Go's client for the same key).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"TLSv1.3, internal_error", "TLSv1.2, handshake_failure"})
  void aKeyOfThreePrimesWhoseSignaturesFailFailsTheHandshakeAsGo(String protocol, String alert) throws Exception {
    String certificatePem = resource("rsa3.cert.pem");
    try (FakeFaktory fake = FakeFaktory.builder().tls(certificatePem, ThreePrimeKeys.changed("d + 2")).start();
        SSLSocket socket = (SSLSocket) TestKeys.trusting(certificatePem).getSocketFactory()
            .createSocket(fake.url().getHost(), fake.port())) {
      socket.setEnabledProtocols(new String[] {protocol});

      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLException.class)
          .hasMessageContaining("Received fatal alert: " + alert);
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

    assertThat(firstReply(p224.certificatePem(), p224.keyPem(), protocol, suite, replyStart.length() / 2))
        .isEqualTo(replyStart);
  }

  /**
   * RSA keys under 1024 bits (keys/rsa*, made by Go), which Go reads and never signs with: where Go has no TLS 1.3
   * scheme for the key's size (none of RSA-PSS fits under 528 bits), a TLS 1.3 hello gets Go's {@code handshake_failure}
   * alert as the first reply (as Go 1.26's server gives Go's client); else, and over TLS 1.2, a server hello, the
   * handshake failing later, at the signature.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"rsa256, TLSv1.3, TLS_AES_128_GCM_SHA256, 15030300020228",
      "rsa512, TLSv1.3, TLS_AES_128_GCM_SHA256, 15030300020228",
      "rsa768, TLSv1.3, TLS_AES_128_GCM_SHA256, 160303",
      "rsa512, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 160303"})
  void smallRsaKeysGetGosFirstReply(String pair, String protocol, String suite, String replyStart) throws Exception {
    assertThat(firstReply(resource(pair + ".cert.pem"), resource(pair + "-pkcs1.key.pem"), protocol, suite,
        replyStart.length() / 2)).isEqualTo(replyStart);
  }

  /** The first {@code length} bytes, in hexadecimal, a fake of the pair sends the JDK's hello of {@code protocol}. */
  private static String firstReply(String certificatePem, String keyPem, String protocol, String suite, int length)
      throws Exception {
    String hello = JdkClientHello.message(protocol, suite);
    try (FakeFaktory fake = FakeFaktory.builder().tls(certificatePem, keyPem).start();
        Socket socket = new Socket(fake.url().getHost(), fake.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex("160301" + String.format("%04x", hello.length() / 2)
          + hello));
      return HexFormat.of().formatHex(socket.getInputStream().readNBytes(length));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TlsHandshakeTest.class.getResourceAsStream("keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
