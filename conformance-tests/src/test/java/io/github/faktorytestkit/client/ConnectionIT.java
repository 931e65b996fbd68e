package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.conformance.TargetKind;
import io.github.faktorytestkit.conformance.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Timeout;

/** Connection-level behaviour, against the fake and real Faktory: END, TLS mismatch, a server that goes away. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionIT {

  @AcrossTargets
  void closeSendsEndAndTheServerDropsTheConnection(Target target, FaktoryClient client) {
    FaktoryClient second = target.connect();
    long withSecond = client.info().connections();

    second.close();

    assertThat(connectionsOnceBelow(client, withSecond)).isEqualTo(withSecond - 1);
    assertThat(second.isUsable()).isFalse();
  }

  @AcrossTargets
  void tlsClientAgainstAPlainServerIsAConnectionFailure(Target target) {
    String address = target.url().getHost() + ":" + target.url().getPort();
    assertThatThrownBy(() -> FaktoryClient.connect("tcp+tls://" + address))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasCauseInstanceOf(SSLException.class)
        .hasMessageContaining("(server: " + address + ")");
  }

  @AcrossTargets({TargetKind.FAKE, TargetKind.LOCAL, TargetKind.CONTAINER})
  void clientOfAServerThatStoppedIsBrokenForGood(Target target) {
    FaktoryClient orphan;
    try (Target doomed = Targets.start(target.kind(), null)) {
      orphan = doomed.connect();
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
  private static long connectionsOnceBelow(FaktoryClient client, long before) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    long connections = client.info().connections();
    while (connections >= before && Instant.now().isBefore(deadline)) {
      connections = client.info().connections();
    }
    return connections;
  }
}
