package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client pointed at a server that is not Faktory's protocol port: a bounded failure that says so. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FaktoryClientWrongServerTest {
  private static final String WEB_UI = " answers HTTP: it is a web server such as Faktory's Web UI (expected:"
      + " Faktory's protocol port, 7419 by default; the Web UI listens on 7420)";

  @Test
  void silentServerFailsAfterTheHandshakeTimeoutNotTheReadTimeoutAndAsksWhetherItIsFaktory() throws Exception {
    Duration handshake = Duration.ofMillis(200);
    try (ScriptedServer server = ScriptedServer.start(SILENCE)) {
      assertThatThrownBy(() -> FaktoryClient.builder().url(server.url()).handshakeTimeout(handshake)
              .readTimeout(Duration.ofMinutes(1)).connect())
          .isInstanceOfSatisfying(FaktoryTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(handshake))
          .hasMessageMatching("no HI within 200 ms; is this a Faktory server\\? Faktory sends HI as soon as it"
              + " accepts a connection \\(server: 127\\.0\\.0\\.1:[0-9]+\\)");
    }
  }

  @Test
  void webPortIsNamedAsSuch() throws Exception {
    try (ProbedServer web = ProbedServer.webUi()) {
      assertThatThrownBy(() -> FaktoryClient.connect(web.url("tcp")))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageStartingWith("handshake failed: server closed the connection while waiting for the reply to HI")
          .hasMessageEndingWith(WEB_UI)
          .hasMessageNotContaining("TLS");
    }
  }

  @Test
  void webPortIsNamedAsSuchWhenTheUrlAsksForTls() throws Exception {
    try (ProbedServer web = ProbedServer.webUi()) {
      assertThatThrownBy(() -> FaktoryClient.connect(web.url("tcp+tls")))
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("TLS handshake failed: ")
          .hasMessageContaining(WEB_UI);
    }
  }

  @Test
  void plainFaktoryAskedForTlsIsNamedAsSuch() throws Exception {
    try (ProbedServer plain = ProbedServer.plainFaktory()) {
      assertThatThrownBy(() -> FaktoryClient.connect(plain.url("tcp+tls")))
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("TLS handshake failed: ")
          .hasMessageContaining(" greets in plain text: it is a Faktory without TLS (expected: tcp:// for it)");
    }
  }
}
