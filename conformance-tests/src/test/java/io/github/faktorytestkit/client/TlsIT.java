package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.TargetKind;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.real.FaktoryContainer;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.LoopbackCertificate;
import io.github.faktorytestkit.real.RealTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS (with a password) on the fake, a local Faktory process and a container, using a throwaway certificate for
 * 127.0.0.1; each server is started once for the class. The fake runs on real time here, so its 2 s handshake
 * deadline passes for a plain-text client as real Faktory's does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final String PASSWORD = "tls-pw";
  private static final LoopbackCertificate CERTIFICATE = LoopbackCertificate.generate();
  private static final Map<TargetKind, TlsServer> SERVERS = new EnumMap<>(TargetKind.class);

  /** The kinds {@code -Dfaktory.targets} allows, each named by its display name. */
  static Stream<Named<TargetKind>> kinds() {
    return Stream.of(TargetKind.FAKE, TargetKind.LOCAL, TargetKind.CONTAINER).filter(TargetKind.allowed()::contains)
        .map(kind -> Named.of(kind.displayName(), kind));
  }

  @AfterAll
  static void stopServers() {
    SERVERS.values().forEach(TlsServer::close);
    SERVERS.clear();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void trustedServerTakesJobsOverTls(TargetKind kind) {
    URI url = server(kind).url();
    assertThat(url.getScheme()).isEqualTo("tcp+tls");
    SSLContext trusting = CERTIFICATE.clientContext();
    try (FaktoryClient client = FaktoryClient.builder().url(url).sslContext(trusting).connect()) {
      client.flush();
      Job job = Job.of("T", "over tls");
      client.push(job);
      assertThat(client.fetch("default")).map(Job::jid).contains(job.jid());
    }
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void untrustedCertificateIsAConnectionFailure(TargetKind kind) {
    String url = server(kind).url().toString();
    assertThatThrownBy(() -> FaktoryClient.connect(url))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasMessageStartingWith("TLS handshake failed: ")
        .hasCauseInstanceOf(SSLException.class);
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void plainTextClientIsClosedDuringTheHandshake(TargetKind kind) {
    URI url = server(kind).url();
    String plainUrl = "tcp://:" + PASSWORD + "@" + url.getHost() + ":" + url.getPort();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isExactlyInstanceOf(FaktoryHandshakeException.class)
        .hasMessageContaining("expected: tcp+tls:// for it");
  }

  /** Go's TLS server closes a first record that is not TLS at once, with no alert: not one byte comes back. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void plainTextLineIsClosedWithoutAByte(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("HELLO {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  private static synchronized TlsServer server(TargetKind kind) {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    return SERVERS.computeIfAbsent(kind, TlsServer::start);
  }

  /** A running TLS server of one kind. */
  private record TlsServer(URI url, AutoCloseable running) {
    static TlsServer start(TargetKind kind) {
      String cert = CERTIFICATE.certificatePem();
      String key = CERTIFICATE.privateKeyPem();
      if (kind == TargetKind.FAKE) {
        FakeFaktory fake = FakeFaktory.builder().realTime().password(PASSWORD).tls(cert, key).start();
        return new TlsServer(fake.url(), fake);
      }
      if (kind == TargetKind.LOCAL) {
        RealTargets.requireLocalFaktory();
        LocalFaktory local = LocalFaktory.builder().password(PASSWORD).tls(cert, key).start();
        return new TlsServer(local.url(), local);
      }
      FaktoryContainer container = RealTargets.start(new FaktoryContainer(FaktoryContainer.configuredImage())
          .withHostNetwork().withPassword(PASSWORD).withTls(cert, key));
      return new TlsServer(container.getFaktoryUrl(), container);
    }

    void close() {
      try {
        running.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the TLS server at " + url, e);
      }
    }
  }
}
