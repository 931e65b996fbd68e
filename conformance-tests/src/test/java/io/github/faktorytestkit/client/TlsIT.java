package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.LoopbackCertificate;
import io.github.faktorytestkit.real.RealTargets;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS (with a password) against a real Faktory using a throwaway certificate for 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {
  private static LoopbackCertificate certificate;
  private static LocalFaktory faktory;

  @BeforeAll
  static void startFaktory() {
    RealTargets.requireLocalFaktory();
    certificate = LoopbackCertificate.generate();
    faktory = LocalFaktory.builder().password("tls-pw")
        .tls(certificate.certificatePem(), certificate.privateKeyPem()).start();
  }

  @AfterAll
  static void stopFaktory() {
    if (faktory != null) {
      faktory.close();
    }
  }

  @Test
  void trustedServerTakesJobsOverTls() {
    assertThat(faktory.url().getScheme()).isEqualTo("tcp+tls");
    try (FaktoryClient client = FaktoryClient.builder().url(faktory.url()).sslContext(certificate.clientContext())
        .connect()) {
      client.flush();
      Job job = Job.of("T", "over tls");
      client.push(job);
      assertThat(client.fetch("default")).map(Job::jid).contains(job.jid());
    }
  }

  @Test
  void untrustedCertificateIsAConnectionFailure() {
    assertThatThrownBy(() -> FaktoryClient.connect(faktory.url().toString()))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasMessageStartingWith("TLS handshake failed: ")
        .hasCauseInstanceOf(SSLException.class);
  }

  @Test
  void plainTextClientIsClosedDuringTheHandshake() {
    String plainUrl = "tcp://:tls-pw@" + faktory.host() + ":" + faktory.port();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isExactlyInstanceOf(FaktoryHandshakeException.class)
        .hasMessageContaining("expected: tcp+tls:// for it");
  }
}
