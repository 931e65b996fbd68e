package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.CLOSE;
import static io.github.faktorytestkit.client.ScriptedServer.HI;
import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static io.github.faktorytestkit.client.ScriptedServer.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Job;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FaktoryClientFailureTest {

  @Test
  void refusedConnectionNamesHostAndPortAndKeepsTheCause() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    assertThatThrownBy(() -> FaktoryClient.connect("tcp://127.0.0.1:" + port))
        .isInstanceOfSatisfying(FaktoryConnectionException.class, e -> {
          assertThat(e.host()).isEqualTo("127.0.0.1");
          assertThat(e.port()).isEqualTo(port);
          assertThat(e).hasMessageStartingWith("cannot connect: ")
              .hasMessageEndingWith("(server: 127.0.0.1:" + port + ")");
          assertThat(e).hasCauseInstanceOf(ConnectException.class);
        });
  }

  @Test
  void wellFormedButUnexpectedFrameIsAProtocolErrorThatBreaksTheClient() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "$2\r\n{}\r\n");
        FaktoryClient client = FaktoryClient.connect(server.url())) {
      FaktoryProtocolException error = catchType(FaktoryProtocolException.class, () -> client.push(Job.of("T")));
      assertThat(error).hasMessage("unexpected reply to PUSH (frame: \"$2\\r\\n{}\\r\\n\")");
      assertThat(error.escapedFrame()).isEqualTo("$2\\r\\n{}\\r\\n");
      assertThat(client.isUsable()).isFalse();
      assertThatThrownBy(client::flush)
          .isInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("connection broken by an earlier error: unexpected reply to PUSH")
          .hasCause(error);
    }
  }

  @Test
  void malformedFrameIsAProtocolErrorShowingTheBytes() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "+OK\n");
        FaktoryClient client = FaktoryClient.connect(server.url())) {
      assertThatThrownBy(client::flush)
          .isInstanceOf(FaktoryProtocolException.class)
          .hasMessage("line ended by LF without CR in the reply to FLUSH (frame: \"+OK\\n\")");
      assertThat(client.isUsable()).isFalse();
    }
  }

  @Test
  void bulkReplyThatIsNotJsonIsAProtocolError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "$3\r\n{x}\r\n");
        FaktoryClient client = FaktoryClient.connect(server.url())) {
      assertThatThrownBy(client::info)
          .isInstanceOf(FaktoryProtocolException.class)
          .hasMessageStartingWith("INFO reply is not JSON: ");
    }
  }

  @Test
  void missingReplyTimesOutAndBreaksTheClient() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, SILENCE);
        FaktoryClient client = FaktoryClient.builder().url(server.url()).readTimeout(Duration.ofMillis(200))
            .connect()) {
      assertThatThrownBy(client::flush)
          .isInstanceOfSatisfying(FaktoryTimeoutException.class,
              e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200)))
          .hasMessageStartingWith("no reply to FLUSH within 200 ms (server: 127.0.0.1:");
      assertThat(client.isUsable()).isFalse();
    }
  }

  @Test
  void serverClosingMidSessionIsAConnectionError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, CLOSE);
        FaktoryClient client = FaktoryClient.connect(server.url())) {
      assertThatThrownBy(client::info)
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("server closed the connection while waiting for the reply to INFO (server: ");
    }
  }

  @Test
  void closeFromAnotherThreadAbortsABlockedFetch() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, SILENCE)) {
      FaktoryClient client = FaktoryClient.connect(server.url());
      CompletableFuture<?> fetch = CompletableFuture.runAsync(() -> client.fetch("default"));
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("FETCH default");
      client.close();
      assertThatThrownBy(fetch::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isExactlyInstanceOf(FaktoryConnectionException.class)
          .hasMessageMatching("(cannot read the reply to FETCH: client closed|client is closed) \\(server: .*");
    }
  }

  private static <E extends Throwable> E catchType(Class<E> type, Runnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      assertThat(e).isInstanceOf(type);
      return type.cast(e);
    }
    throw new AssertionError("expected " + type.getSimpleName());
  }
}
