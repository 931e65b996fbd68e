package io.github.faktorytestkit.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.ReplyReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The password handshake against a real Faktory that has a password. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticationIT {
  private static final String PASSWORD = "s3cret p@ss";

  @RegisterExtension
  static final RealFaktory REAL = new RealFaktory(builder -> builder.password(PASSWORD));

  @Test
  void rightPasswordConnects() {
    try (FaktoryClient client = FaktoryClient.builder().url(REAL.server().url()).connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void passwordMayComeFromTheBuilderInsteadOfTheUrl() {
    String plainUrl = "tcp://" + REAL.server().host() + ":" + REAL.server().port();
    try (FaktoryClient client = FaktoryClient.builder().url(plainUrl).password(PASSWORD).connect()) {
      assertThat(client.info().version()).isEqualTo(REAL.server().version());
    }
  }

  @Test
  void legacyHashOfProtocolVersionOneIsAccepted() {
    FaktoryClientBuilder legacy = FaktoryClient.builder().url(REAL.server().url()).protocolVersion(1);
    try (FaktoryClient client = legacy.connect()) {
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    assertThatThrownBy(() -> FaktoryClient.builder().url(REAL.server().url()).password("wrong").connect())
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageEndingWith("rejected the password: -ERR Invalid password\\r\\n");
  }

  @Test
  void wrongPasswordWithTheLegacyHashIsRejected() {
    assertThatThrownBy(() -> FaktoryClient.builder().url(REAL.server().url()).password("wrong").protocolVersion(1)
        .connect())
        .isInstanceOf(FaktoryAuthenticationException.class);
  }

  @Test
  void missingPasswordIsRefusedBeforeHello() {
    String plainUrl = "tcp://" + REAL.server().host() + ":" + REAL.server().port();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isInstanceOf(FaktoryAuthenticationException.class)
        .hasMessageStartingWith("password: none");
  }

  @Test
  void helloWithoutAHashGetsTheSameInvalidPasswordFromTheServer() throws Exception {
    try (Socket socket = new Socket(REAL.server().host(), REAL.server().port())) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      ReplyReader reader = new ReplyReader();
      assertThat(reader.read(in)).isInstanceOf(Reply.SimpleString.class);
      socket.getOutputStream().write("HELLO {\"v\":2}\r\n".getBytes(UTF_8));
      assertThat(reader.read(in)).isEqualTo(Reply.err("Invalid password"));
    }
  }
}
