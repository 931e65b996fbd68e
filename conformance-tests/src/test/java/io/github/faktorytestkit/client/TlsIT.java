package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.real.LoopbackCertificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS (with a password) against a real Faktory using a throwaway certificate for 127.0.0.1. Real targets only: the
 * fake serves plain TCP (fake-server/KNOWN-DIFFERENCES.md).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final LoopbackCertificate CERTIFICATE = LoopbackCertificate.generate();

  @RegisterExtension
  static final RealFaktory REAL = new RealFaktory(builder -> builder.password("tls-pw")
      .tls(CERTIFICATE.certificatePem(), CERTIFICATE.privateKeyPem()));

  @Test
  void trustedServerTakesJobsOverTls() {
    assertThat(REAL.server().url().getScheme()).isEqualTo("tcp+tls");
    SSLContext trusting = CERTIFICATE.clientContext();
    try (FaktoryClient client = FaktoryClient.builder().url(REAL.server().url()).sslContext(trusting).connect()) {
      client.flush();
      Job job = Job.of("T", "over tls");
      client.push(job);
      assertThat(client.fetch("default")).map(Job::jid).contains(job.jid());
    }
  }

  @Test
  void untrustedCertificateIsAConnectionFailure() {
    assertThatThrownBy(() -> FaktoryClient.connect(REAL.server().url().toString()))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasMessageStartingWith("TLS handshake failed: ")
        .hasCauseInstanceOf(SSLException.class);
  }

  @Test
  void plainTextClientIsClosedDuringTheHandshake() {
    String plainUrl = "tcp://:tls-pw@" + REAL.server().host() + ":" + REAL.server().port();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isExactlyInstanceOf(FaktoryHandshakeException.class)
        .hasMessageContaining("expected: tcp+tls:// for it");
  }
}
