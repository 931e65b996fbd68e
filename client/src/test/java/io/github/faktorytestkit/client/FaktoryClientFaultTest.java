package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.HI;
import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaultProxy.Fault;
import io.github.faktorytestkit.client.FaultProxy.Kind;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client under network faults, injected by a {@link FaultProxy} in front of a {@link ScriptedServer}: every call
 * ends in success or a typed exception within its time-out, a broken connection stays broken, and a PUSH never
 * succeeds without its {@code +OK}. (Connection refused: {@link FaktoryClientFailureTest}.)
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FaktoryClientFaultTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final String JOB = "{\"jid\":\"j1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"default\"}";
  private static final String INFO = "{\"server\":{\"faktory_version\":\"1.9.4\"},\"faktory\":{\"queues\":{}}}";

  @Test
  void repliesSplitByteByByteAreReadWhole() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, bulk(JOB), bulk(INFO));
        FaultProxy proxy = FaultProxy.start(server.url(), new Fault(Kind.SPLIT_BYTES, null, Duration.ofMillis(1)));
        FaktoryClient client = FaktoryClient.connect(proxy.url())) {
      client.push(Job.of("T"));
      assertThat(client.fetch("default")).get().extracting(Job::jid).isEqualTo("j1");
      assertThat(client.info().version()).isEqualTo("1.9.4");
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void replyTrickledSlowerThanTheReadTimeoutTimesOut() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, bulk(INFO));
        FaultProxy proxy = FaultProxy.start(server.url(), new Fault(Kind.SPLIT_BYTES, "INFO", Duration.ofMillis(50)));
        FaktoryClient client = FaktoryClient.builder().url(proxy.url()).readTimeout(SHORT).connect()) {
      assertThatThrownBy(client::info)
          .isExactlyInstanceOf(FaktoryTimeoutException.class)
          .hasMessageStartingWith("no reply to INFO within 300 ms (server: 127.0.0.1:");
      assertThat(client.isUsable()).isFalse();
    }
  }

  @Test
  void replyDelayedBeyondTheReadTimeoutTimesOutAndIsNeverTakenForTheNextReply() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, OK);
        FaultProxy proxy = FaultProxy.start(server.url(), new Fault(Kind.DELAY_REPLY, "PUSH", Duration.ofSeconds(2)));
        FaktoryClient client = FaktoryClient.builder().url(proxy.url()).readTimeout(SHORT).connect()) {
      assertThatThrownBy(() -> client.push(Job.of("T")))
          .isInstanceOfSatisfying(FaktoryTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(SHORT))
          .hasMessageStartingWith("no reply to PUSH within 300 ms");
      assertThatThrownBy(client::flush)
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("connection broken by an earlier error: no reply to PUSH within 300 ms");
    }
  }

  @Test
  void resetMidReplyToPushIsAConnectionError() throws Exception {
    assertPushLosesTheConnection(Kind.RESET_MID_REPLY, "cannot read the reply to PUSH: Connection reset (server: ");
  }

  @Test
  void closeAfterPushBeforeOkIsAConnectionErrorThoughTheServerGotTheJob() throws Exception {
    assertPushLosesTheConnection(Kind.CLOSE_BEFORE_REPLY,
        "server closed the connection while waiting for the reply to PUSH (server: ");
  }

  @Test
  void garbageInsteadOfAReplyIsAProtocolErrorThatBreaksTheClient() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, OK);
        FaultProxy proxy = FaultProxy.start(server.url(), Fault.on(Kind.GARBAGE_REPLY, "PUSH"));
        FaktoryClient client = FaktoryClient.connect(proxy.url())) {
      FaktoryProtocolException error = null;
      try {
        client.push(Job.of("T"));
      } catch (FaktoryProtocolException e) {
        error = e;
      }
      assertThat(error).hasMessage("unexpected type byte (expected: one of + - $ :) in the reply to PUSH"
          + " (frame: \"\\x00\")");
      assertThatThrownBy(client::flush)
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("connection broken by an earlier error: unexpected type byte")
          .hasCause(error);
      assertThat(client.isUsable()).isFalse();
    }
  }

  @Test
  void serverThatStopsReadingFailsThePushWithinTheWriteTimeout() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK);
        FaultProxy proxy = FaultProxy.start(server.url(), Fault.on(Kind.STOP_READING, "HELLO"));
        FaktoryClient client = FaktoryClient.builder().url(proxy.url()).writeTimeout(SHORT).connect()) {
      Job big = Job.builder("T").args("x".repeat(16 << 20)).build();
      assertThatThrownBy(() -> client.push(big))
          .isInstanceOfSatisfying(FaktoryTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(SHORT))
          .hasMessageStartingWith("the server stopped reading: cannot send PUSH within 300 ms (server: 127.0.0.1:");
      assertThat(client.isUsable()).isFalse();
    }
  }

  /** Asserts that a PUSH whose reply {@code fault} spoils fails, though the server got it, and breaks the client. */
  private static void assertPushLosesTheConnection(Kind fault, String messageStart) throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK);
        FaultProxy proxy = FaultProxy.start(server.url(), Fault.on(fault, "PUSH"));
        FaktoryClient client = FaktoryClient.connect(proxy.url())) {
      assertThatThrownBy(() -> client.push(Job.of("T")))
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith(messageStart);
      assertThat(client.isUsable()).isFalse();
      assertThat(server.nextLine()).startsWith("HELLO ");
      assertThat(server.nextLine()).startsWith("PUSH ");
    }
  }

  private static String bulk(String json) {
    return "$" + json.length() + "\r\n" + json + "\r\n";
  }
}
