package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.CLOSE;
import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static io.github.faktorytestkit.client.ScriptedServer.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.PasswordHash;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No password or password hash in any log line (wire log at TRACE included), exception message, cause or text form:
 * the client runs against a password server through good sessions and every failure the handshake and a session
 * can meet, and every line and exception text is searched for the password, its URL encoding and its hashes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretsNeverShownTest {
  private static final String PASSWORD = "Pa55 w0rd+\u00fc";
  private static final String ENCODED = "Pa55%20w0rd%2B%C3%BC";
  private static final String SALT = "55104dc76695721d";
  private static final String HI = "+HI {\"v\":3,\"i\":1545,\"s\":\"" + SALT + "\"}\r\n";
  private static final List<String> SECRETS = List.of(PASSWORD, ENCODED, PasswordHash.compute(PASSWORD, SALT, 1545),
      PasswordHash.compute(PASSWORD, SALT, 1));

  private final RecordingLogger wire = new RecordingLogger();
  private final List<String> shown = new ArrayList<>();

  @Test
  void sessionsAndFailuresAgainstAPasswordServerShowNeitherPasswordNorHash() throws Exception {
    String stderr = StandardError.capture(() -> {
      goodSession();
      failingHandshake("-ERR Invalid password\r\n");
      failingHandshake(CLOSE);
      failingHandshake(SILENCE);
      failingHandshake("HTTP/1.1 400 Bad Request\r\n");
      sessionBrokenByAnError();
      legacyHashRefused();
    });
    shown.addAll(wire.messages());
    shown.add(stderr);
    assertThat(stderr).contains("speaks protocol v3"); // the client's own logger was captured
    assertThat(wire.messages()).anyMatch(line -> line.contains("> HELLO {") && line.contains("<redacted>"));
    assertThat(shown).hasSizeGreaterThan(30);
    assertNoSecretIn(shown);
  }

  @Test
  void urlErrorsAndTextFormsShowNeitherPasswordNorItsEncoding() {
    for (String url : List.of("tcp://:" + PASSWORD + "@127.0.0.1:7419", "tcp://:" + ENCODED + "@127.0.0.1:99999",
        "tcp://:" + ENCODED + "@127.0.0.1:x", "tcp://:" + ENCODED + "%g@127.0.0.1", "redis://:" + ENCODED + "@h",
        "tcp://:" + ENCODED + "@127.0.0.1:7419/db", "tcp://:" + ENCODED + "@")) {
      shown.add(textOf(() -> FaktoryClient.connect(url)));
      shown.add(FaktoryUrl.mask(url));
    }
    FaktoryUrl url = FaktoryUrl.parse("tcp://:" + ENCODED + "@127.0.0.1:1");
    assertThat(url.password()).isEqualTo(PASSWORD);
    shown.add(url.toString());
    shown.add(textOf(() -> FaktoryClient.connect(url.toString().replace("***", ENCODED))));
    assertThat(shown).anyMatch(text -> text.contains("cannot connect: Connection refused"));
    assertNoSecretIn(shown);
  }

  private void goodSession() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, "$-1\r\n", "-ERR Job not found j1\r\n");
        FaktoryClient client = builder(server).connect()) {
      shown.add(client.toString());
      client.push(Job.of("T"));
      client.fetch("default");
      shown.add(textOf(() -> client.fail("j1", "E", "m", null)));
    }
  }

  private void failingHandshake(String replyToHello) throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, replyToHello)) {
      shown.add(textOf(() -> builder(server).connect()));
    }
  }

  private void sessionBrokenByAnError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "+NOPE\r\n");
        FaktoryClient client = builder(server).connect()) {
      shown.add(textOf(client::flush));
      shown.add(textOf(client::flush));
    }
  }

  private void legacyHashRefused() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, "-ERR Invalid password\r\n")) {
      shown.add(textOf(() -> builder(server).protocolVersion(1).connect()));
    }
  }

  private FaktoryClientBuilder builder(ScriptedServer server) {
    return FaktoryClient.builder().url(server.url().replace("tcp://", "tcp://:" + ENCODED + "@"))
        .handshakeTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).wireLogger(wire.logger());
  }

  /** Returns the full text of what {@code action} throws (messages, causes, stack); fails when it throws nothing. */
  private static String textOf(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      StringWriter text = new StringWriter();
      e.printStackTrace(new PrintWriter(text));
      return text.toString();
    }
    throw new AssertionError("expected an exception");
  }

  private static void assertNoSecretIn(List<String> texts) {
    for (String secret : SECRETS) {
      assertThat(texts).as("texts holding %s", secret).noneMatch(text -> text.contains(secret));
    }
  }
}
