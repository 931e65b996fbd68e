package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.real.LocalFaktory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection-level behaviour against real Faktory: END, TLS mismatch, a server that goes away. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionIT extends RealFaktoryTestBase {

  @Test
  void closeSendsEndAndTheServerDropsTheConnection() {
    FaktoryClient second = REAL.connect();
    long withSecond = client.info().connections();

    second.close();

    assertThat(connectionsOnceBelow(withSecond)).isEqualTo(withSecond - 1);
    assertThat(second.isUsable()).isFalse();
  }

  @Test
  void tlsClientAgainstAPlainServerIsAConnectionFailure() {
    String tlsUrl = "tcp+tls://" + faktory().host() + ":" + faktory().port();
    assertThatThrownBy(() -> FaktoryClient.connect(tlsUrl))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasCauseInstanceOf(SSLException.class)
        .hasMessageContaining("(server: 127.0.0.1:" + faktory().port() + ")");
  }

  @Test
  void clientOfAServerThatStoppedIsBrokenForGood() {
    FaktoryClient orphan;
    try (LocalFaktory doomed = LocalFaktory.start()) {
      orphan = FaktoryClient.connect(doomed.url().toString());
      orphan.flush();
    }
    assertThatThrownBy(orphan::info).isInstanceOf(FaktoryConnectionException.class);
    assertThat(orphan.isUsable()).isFalse();
    assertThatThrownBy(orphan::flush)
        .isInstanceOf(FaktoryConnectionException.class)
        .hasMessageStartingWith("connection broken by an earlier error: ");
    orphan.close();
  }

  /** Polls INFO until the server counts fewer than {@code before} connections (END is handled asynchronously). */
  private long connectionsOnceBelow(long before) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    long connections = client.info().connections();
    while (connections >= before && Instant.now().isBefore(deadline)) {
      connections = client.info().connections();
    }
    return connections;
  }
}
