package io.github.faktorytestkit.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.ReplyReader;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.RealTargets;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The password handshake against a real Faktory that has a password. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticationIT {
  private static final String PASSWORD = "s3cret p@ss";
  private static LocalFaktory faktory;

  @BeforeAll
  static void startFaktory() {
    RealTargets.requireLocalFaktory();
    faktory = LocalFaktory.builder().password(PASSWORD).start();
  }

  @AfterAll
  static void stopFaktory() {
    if (faktory != null) {
      faktory.close();
    }
  }

  @Test
  void rightPasswordConnects() {
    try (FaktoryClient client = FaktoryClient.builder().url(faktory.url()).connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void passwordMayComeFromTheBuilderInsteadOfTheUrl() {
    String plainUrl = "tcp://" + faktory.host() + ":" + faktory.port();
    try (FaktoryClient client = FaktoryClient.builder().url(plainUrl).password(PASSWORD).connect()) {
      assertThat(client.info().version()).isEqualTo(faktory.version());
    }
  }

  @Test
  void legacyHashOfProtocolVersionOneIsAccepted() {
    try (FaktoryClient client = FaktoryClient.builder().url(faktory.url()).protocolVersion(1).connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    assertThatThrownBy(() -> FaktoryClient.builder().url(faktory.url()).password("wrong").connect())
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageEndingWith("rejected the password: -ERR Invalid password\\r\\n");
  }

  @Test
  void wrongPasswordWithTheLegacyHashIsRejected() {
    assertThatThrownBy(() -> FaktoryClient.builder().url(faktory.url()).password("wrong").protocolVersion(1)
        .connect())
        .isInstanceOf(FaktoryAuthenticationException.class);
  }

  @Test
  void missingPasswordIsRefusedBeforeHello() {
    String plainUrl = "tcp://" + faktory.host() + ":" + faktory.port();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageStartingWith("password: none");
  }

  @Test
  void helloWithoutAHashGetsTheSameInvalidPasswordFromTheServer() throws Exception {
    try (Socket socket = new Socket(faktory.host(), faktory.port())) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      ReplyReader reader = new ReplyReader();
      assertThat(reader.read(in)).isInstanceOf(Reply.SimpleString.class);
      socket.getOutputStream().write("HELLO {\"v\":2}\r\n".getBytes(UTF_8));
      assertThat(reader.read(in)).isEqualTo(Reply.err("Invalid password"));
    }
  }
}
