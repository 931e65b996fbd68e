package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.CLOSE;
import static io.github.faktorytestkit.client.ScriptedServer.HI;
import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.protocol.JobJson;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FaktoryClientHandshakeTest {
  private static final String HI_WITH_SALT = "+HI {\"v\":2,\"i\":1545,\"s\":\"55104dc76695721d\"}\r\n";

  @Test
  void producerHelloCarriesIdentityWithoutWidOrPasswordHash() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK);
        FaktoryClient client = FaktoryClient.builder().url(server.url()).hostname("box").pid(42).connect()) {
      assertThat(server.nextLine()).isEqualTo("HELLO {\"hostname\":\"box\",\"pid\":42,\"labels\":[\"java\"],\"v\":2}");
      assertThat(client.wid()).isEmpty();
      assertThat(client.serverProtocolVersion()).isEqualTo(2);
    }
  }

  @Test
  void workerHelloCarriesWidAndLabels() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK);
        FaktoryClient client = FaktoryClient.builder().url(server.url()).wid("w-1").labels("blue", "seven")
            .connect()) {
      JsonNode hello = helloJson(server.nextLine());
      assertThat(hello.path("wid").asText()).isEqualTo("w-1");
      assertThat(hello.path("labels").toString()).isEqualTo("[\"blue\",\"seven\"]");
      assertThat(hello.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(client.wid()).contains("w-1");
    }
  }

  @Test
  void helloCarriesTheIteratedPasswordHash() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI_WITH_SALT, OK);
        FaktoryClient client = FaktoryClient.connect(server.url().replace("tcp://", "tcp://:foobar@"))) {
      assertThat(helloJson(server.nextLine()).path("pwdhash").asText())
          .isEqualTo("6d877f8e5544b1f2598768f817413ab8a357afffa924dedae99eb91472d4ec30");
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void protocolVersionOneSendsTheLegacySingleIterationHash() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI_WITH_SALT, OK);
        FaktoryClient client = FaktoryClient.builder().url(server.url()).password("foobar").protocolVersion(1)
            .connect()) {
      JsonNode hello = helloJson(server.nextLine());
      assertThat(hello.path("v").asInt()).isEqualTo(1);
      assertThat(hello.path("pwdhash").asText())
          .isEqualTo("bda5ef54df4404655456165c27f46764614a296cdafcaffc747b7ab7cc1ea313");
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void usernameOfTheUrlIsSentForProxies() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK);
        FaktoryClient client = FaktoryClient.connect(server.url().replace("tcp://", "tcp://router@"))) {
      assertThat(helloJson(server.nextLine()).path("username").asText()).isEqualTo("router");
      assertThat(client.url().username()).isEqualTo("router");
    }
  }

  @Test
  void serverDemandingAPasswordWithoutOneFailsBeforeHello() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI_WITH_SALT, OK)) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isInstanceOf(FaktoryAuthenticationException.class)
          .hasMessageContaining("password: none (expected: the password 127.0.0.1:");
      assertThat(server.closedWithoutAnotherLine()).isTrue();
    }
  }

  @Test
  void invalidPasswordReplyIsAnAuthenticationFailure() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI_WITH_SALT, "-ERR Invalid password\r\n")) {
      assertThatThrownBy(() -> FaktoryClient.builder().url(server.url()).password("wrong").connect())
          .isInstanceOf(FaktoryAuthenticationException.class)
          .hasMessageEndingWith("rejected the password: -ERR Invalid password\\r\\n")
          .hasCauseInstanceOf(FaktoryCommandException.class);
    }
  }

  @Test
  void otherErrorToHelloIsAHandshakeFailure() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, "-ERR too many connections: 2001\r\n")) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageContaining("refused HELLO: -ERR too many connections: 2001");
    }
  }

  @Test
  void serverClosingBeforeHiSuggestsTls() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(CLOSE)) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageContaining("server closed the connection while waiting for the reply to HI")
          .hasMessageContaining("expected: tcp+tls:// for it")
          .hasCauseInstanceOf(FaktoryConnectionException.class);
    }
  }

  @Test
  void serverClosingAfterHelloIsAHandshakeFailure() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, CLOSE)) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageContaining("cannot accept the HELLO");
    }
  }

  @Test
  void somethingOtherThanHiIsAHandshakeFailure() throws Exception {
    try (ScriptedServer server = ScriptedServer.start("+HELLO there\r\n")) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageEndingWith("got: +HELLO there\\r\\n");
    }
  }

  @Test
  void hiWithoutJsonIsAHandshakeFailure() throws Exception {
    try (ScriptedServer server = ScriptedServer.start("+HI {v:2}\r\n")) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isExactlyInstanceOf(FaktoryHandshakeException.class)
          .hasMessageContaining("is not JSON: +HI {v:2}\\r\\n");
    }
  }

  @Test
  void malformedGreetingIsAProtocolError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start("HI {\"v\":2}\r\n")) {
      assertThatThrownBy(() -> FaktoryClient.connect(server.url()))
          .isInstanceOfSatisfying(FaktoryProtocolException.class,
              e -> assertThat(e.escapedFrame()).isEqualTo("H"));
    }
  }

  @Test
  void newerServerProtocolIsAcceptedWithAWarning() throws Exception {
    String warning = StandardError.capture(() -> {
      try (ScriptedServer server = ScriptedServer.start("+HI {\"v\":3}\r\n", OK);
          FaktoryClient client = FaktoryClient.connect(server.url())) {
        assertThat(client.serverProtocolVersion()).isEqualTo(3);
        assertThat(helloJson(server.nextLine()).path("v").asInt()).isEqualTo(2);
      }
    });
    assertThat(warning).contains("speaks protocol v3, newer than this client's v2");
  }

  private static JsonNode helloJson(String line) throws Exception {
    assertThat(line).startsWith("HELLO {");
    return JobJson.readTree(line.substring("HELLO ".length()));
  }
}
