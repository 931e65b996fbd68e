package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.conformance.TargetDefaults;
import io.github.faktorytestkit.conformance.RawConnection;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.real.RealTargets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** The password handshake against a server that has a password, the fake and real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TargetDefaults(password = AuthenticationIT.PASSWORD)
class AuthenticationIT {
  static final String PASSWORD = "s3cret p@ss";

  @AcrossTargets
  void rightPasswordConnects(Target target) {
    try (FaktoryClient client = target.connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @AcrossTargets
  void passwordMayComeFromTheBuilderInsteadOfTheUrl(Target target) {
    try (FaktoryClient client = FaktoryClient.builder().url(plainUrl(target)).password(PASSWORD).connect()) {
      assertThat(client.info().version()).isEqualTo(RealTargets.version());
    }
  }

  @AcrossTargets
  void legacyHashOfProtocolVersionOneIsAccepted(Target target) {
    try (FaktoryClient client = target.clientBuilder().protocolVersion(1).connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @AcrossTargets
  void wrongPasswordIsRejected(Target target) {
    assertThatThrownBy(() -> target.clientBuilder().password("wrong").connect())
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageEndingWith("rejected the password: -ERR Invalid password\\r\\n");
  }

  @AcrossTargets
  void wrongPasswordWithTheLegacyHashIsRejected(Target target) {
    assertThatThrownBy(() -> target.clientBuilder().password("wrong").protocolVersion(1).connect())
        .isInstanceOf(FaktoryAuthenticationException.class);
  }

  @AcrossTargets
  void missingPasswordIsRefusedBeforeHello(Target target) {
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl(target)))
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageStartingWith("password: none");
  }

  @AcrossTargets
  void helloWithoutAHashGetsTheSameInvalidPasswordFromTheServer(Target target) {
    try (RawConnection session = RawConnection.open(target.url())) {
      assertThat(session.greeting().reply()).isInstanceOf(Reply.SimpleString.class);
      assertThat(session.send("HELLO {\"v\":2}").reply()).isEqualTo(Reply.err("Invalid password"));
    }
  }

  private static String plainUrl(Target target) {
    return "tcp://" + target.url().getHost() + ":" + target.url().getPort();
  }
}
