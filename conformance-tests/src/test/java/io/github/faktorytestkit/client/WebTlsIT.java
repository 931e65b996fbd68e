package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsProbes.GO_ACCEPTED_HELLO_SHAPES;
import static io.github.faktorytestkit.client.TlsProbes.GO_KEY_EXCHANGES;
import static io.github.faktorytestkit.client.TlsProbes.GO_SUITE_CHOICES;
import static io.github.faktorytestkit.client.TlsProbes.MALFORMED_FIRST_RECORDS;
import static io.github.faktorytestkit.client.TlsProbes.acceptedHelloShapes;
import static io.github.faktorytestkit.client.TlsProbes.expected;
import static io.github.faktorytestkit.client.TlsProbes.helloAnswers;
import static io.github.faktorytestkit.client.TlsProbes.keyExchanges;
import static io.github.faktorytestkit.client.TlsProbes.malformedFirstRecordAnswers;
import static io.github.faktorytestkit.client.TlsProbes.suitesChosen;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.TargetKind;
import io.github.faktorytestkit.real.FaktoryContainer;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.LoopbackCertificate;
import io.github.faktorytestkit.real.NeedsStandaloneJar;
import io.github.faktorytestkit.real.RealTargets;
import io.github.faktorytestkit.real.StandaloneFakeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS on the web port, Go's {@code net/http} server over the same {@code crypto/tls} as the command port on real
 * Faktory, the standalone jar's HTTP server behind the fake's Go-faithful TLS on the fake: the answers {@link TlsIT}
 * checks on the command port, asked of the web port of the standalone jar, a local Faktory process and a container,
 * each started once for the class with a throwaway certificate for 127.0.0.1.
 */
@NeedsStandaloneJar
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebTlsIT {
  private static final String PASSWORD = "web-tls-pw";
  private static final LoopbackCertificate CERTIFICATE = LoopbackCertificate.generate();
  private static final KeyExchangeProbe KEY_EXCHANGE = new KeyExchangeProbe(CERTIFICATE.certificatePem());
  private static final Map<TargetKind, WebServer> SERVERS = new EnumMap<>(TargetKind.class);

  static Stream<Named<TargetKind>> kinds() {
    return TlsIT.kinds();
  }

  @AfterAll
  static void stopServers() {
    SERVERS.values().forEach(WebServer::close);
    SERVERS.clear();
  }

  /** Hellos Go refuses get Go's alert and the close, as on the command port (a TLS 1.3 hello fitting no key too). */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void refusedClientHellosGetGosAlertThenTheClose(TargetKind kind) throws IOException {
    Map<String, TlsHellos.Case> hellos = TlsHellos.refused();
    assertThat(helloAnswers(web(kind), hellos)).containsExactlyEntriesOf(expected(hellos, TlsHellos.Case::reply));
  }

  /** Malformed first records get Go's alert, or the close without a byte, as on the command port. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void malformedFirstRecordsGetGosAlertThenTheClose(TargetKind kind) throws IOException {
    assertThat(malformedFirstRecordAnswers(web(kind))).containsExactlyEntriesOf(MALFORMED_FIRST_RECORDS);
  }

  /** The version a JDK client asks for, and the suite Go picks of those it offers, as on the command port. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void cipherSuiteIsChosenAsGoChoosesIt(TargetKind kind) throws IOException {
    assertThat(suitesChosen(CERTIFICATE.clientContext(), web(kind))).containsExactlyEntriesOf(GO_SUITE_CHOICES);
  }

  /** The key exchange group Go takes of those a TLS 1.3 client offers, as on the command port. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void keyExchangeIsChosenAsGoChoosesIt(TargetKind kind) throws IOException {
    assertThat(keyExchanges(KEY_EXCHANGE, web(kind), GO_KEY_EXCHANGES.keySet()))
        .containsExactlyEntriesOf(GO_KEY_EXCHANGES);
  }

  /** The server hello of a TLS 1.3 hello and of a TLS 1.2 one offering a ticket, as on the command port. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void serverHelloIsGos(TargetKind kind) throws IOException {
    assertThat(acceptedHelloShapes(web(kind))).containsExactlyElementsOf(GO_ACCEPTED_HELLO_SHAPES);
  }

  /** Go's {@code net/http} answers a plain HTTP request on its TLS port with a 400 in plain text, then closes. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void plainHttpRequestGetsGosBadRequest(TargetKind kind) throws IOException {
    URI url = web(kind);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
    }
  }

  /**
   * A known difference (KNOWN-DIFFERENCES.md): Go's {@code net/http} offers {@code h2} and {@code http/1.1} over
   * ALPN and picks {@code h2} for a client offering both; the fake's web endpoints speak HTTP/1.1 only and answer no
   * ALPN, which such a client takes as HTTP/1.1.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void alpnPicksH2OnRealOnly(TargetKind kind) throws IOException {
    URI url = web(kind);
    try (SSLSocket socket = (SSLSocket) CERTIFICATE.clientContext().getSocketFactory()
        .createSocket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      assertThat(socket.getApplicationProtocol()).isEqualTo(kind == TargetKind.FAKE ? "" : "h2");
    }
  }

  private static synchronized URI web(TargetKind kind) {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    return SERVERS.computeIfAbsent(kind, WebServer::start).url();
  }

  /** A running server of one kind serving its web port over TLS. */
  private record WebServer(URI url, AutoCloseable running, Path config) {
    static WebServer start(TargetKind kind) {
      String cert = CERTIFICATE.certificatePem();
      String key = CERTIFICATE.privateKeyPem();
      if (kind == TargetKind.FAKE) {
        Path config = configDirectory(cert, key);
        Path jar = Path.of(System.getProperty("faktory.fake.jar", "../fake-server/target/faktory-fake-server.jar"));
        StandaloneFakeProcess fake = StandaloneFakeProcess.start(jar, List.of("-c", config.toString()));
        return new WebServer(fake.webUrl(), fake, config);
      }
      if (kind == TargetKind.LOCAL) {
        RealTargets.requireLocalFaktory();
        LocalFaktory local = LocalFaktory.builder().password(PASSWORD).tls(cert, key).start();
        return new WebServer(local.webUrl(), local, null);
      }
      FaktoryContainer container = RealTargets.start(new FaktoryContainer(FaktoryContainer.configuredImage())
          .withHostNetwork().withPassword(PASSWORD).withTls(cert, key));
      return new WebServer(container.getWebUrl(), container, null);
    }

    /** The standalone jar's configuration directory, holding the pair as the binary looks for it. */
    private static Path configDirectory(String cert, String key) {
      try {
        Path config = Files.createTempDirectory("web-tls-it");
        Files.writeString(config.resolve("public.cert.pem"), cert);
        Files.writeString(config.resolve("private.key.pem"), key);
        return config;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the TLS pair", e);
      }
    }

    void close() {
      try {
        running.close();
        if (config != null) {
          Files.delete(config.resolve("public.cert.pem"));
          Files.delete(config.resolve("private.key.pem"));
          Files.delete(config);
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the web server at " + url, e);
      }
    }
  }
}
