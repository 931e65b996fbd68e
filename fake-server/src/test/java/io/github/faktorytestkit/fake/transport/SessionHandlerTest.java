package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.Wire.outbound;
import static io.github.faktorytestkit.fake.transport.Wire.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SessionHandlerTest {
  private final ScriptedSession session = new ScriptedSession();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  SessionHandlerTest() {
    Pipelines.configure(channel.pipeline(), 64, null, session.factory(), 7);
    channel.pipeline().fireChannelActive();
  }

  /** Releases the replies a test left unread (the pause test leaves 1,025): netty reported them as leaks. */
  @AfterEach
  void releaseUnreadReplies() {
    channel.finishAndReleaseAll();
  }

  @Test
  void greetsOnConnectWithTheSessionsGreeting() {
    assertThat(text(outbound(channel))).isEqualTo("+HI {\"v\":2}\r\n");
    assertThat(session.connection.index()).isEqualTo(7);
  }

  @Test
  void answersEachLineInOrder() {
    outbound(channel);
    send("PUSH {}\r\nINFO\nFLUSH\r\n");

    assertThat(session.lines).containsExactly("PUSH {}", "INFO", "FLUSH");
    assertThat(text(outbound(channel))).isEqualTo("+OK\r\n+OK\r\n+OK\r\n");
  }

  @Test
  void holdsLaterLinesUntilAPendingStageCompletes() {
    outbound(channel);
    CompletableFuture<Outcome> fetch = session.pending("FETCH default");
    send("FETCH default\r\nINFO\r\n");

    assertThat(session.lines).containsExactly("FETCH default");
    assertThat(outbound(channel)).isEmpty();

    fetch.complete(Outcome.send(Reply.NULL_BULK));
    channel.runPendingTasks();

    assertThat(session.lines).containsExactly("FETCH default", "INFO");
    assertThat(text(outbound(channel))).isEqualTo("$-1\r\n+OK\r\n");
  }

  @Test
  void stageCompletedOnAnotherThreadIsAnsweredOnTheConnectionsThread() throws Exception {
    outbound(channel);
    CompletableFuture<Outcome> fetch = session.pending("FETCH q");
    send("FETCH q\r\n");

    Thread clock = new Thread(() -> fetch.complete(Outcome.send(Reply.bulk("{}"))));
    clock.start();
    clock.join();
    channel.runPendingTasks();

    assertThat(text(outbound(channel))).isEqualTo("$2\r\n{}\r\n");
  }

  @Test
  void sendAndCloseRepliesThenClosesAndIgnoresLaterLines() {
    outbound(channel);
    session.pending("HELLO {}").complete(Outcome.sendAndClose(Reply.err("Invalid password")));
    send("HELLO {}\r\nINFO\r\n");

    assertThat(text(outbound(channel))).isEqualTo("-ERR Invalid password\r\n");
    assertThat(channel.isOpen()).isFalse();
    assertThat(session.lines).containsExactly("HELLO {}");
    assertThat(session.closedCalls).hasValue(1);
  }

  @Test
  void closeOutcomeClosesWithoutAReplyButAfterEarlierReplies() {
    outbound(channel);
    session.pending("END").complete(Outcome.close());
    send("INFO\r\nEND\r\n");

    assertThat(text(outbound(channel))).isEqualTo("+OK\r\n");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void sendRawWritesTheBytesUnchanged() {
    outbound(channel);
    session.pending("INFO").complete(new Outcome.SendRaw(new byte[] {'?', 0, '\n'}));
    send("INFO\r\n");

    assertThat(outbound(channel)).containsExactly('?', 0, '\n');
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void overLongLineIsAnsweredAfterPendingRepliesThenCloses() {
    outbound(channel);
    CompletableFuture<Outcome> fetch = session.pending("FETCH q");
    send("FETCH q\r\n" + "X".repeat(65) + "\r\nINFO\r\n");
    fetch.complete(Outcome.send(Reply.NULL_BULK));
    channel.runPendingTasks();

    assertThat(text(outbound(channel)))
        .isEqualTo("$-1\r\n-ERR line length: more than 64 bytes (expected: <= 64)\r\n");
    assertThat(channel.isOpen()).isFalse();
    assertThat(session.lines).containsExactly("FETCH q");
  }

  @Test
  void failedStageClosesTheConnection() {
    outbound(channel);
    session.pending("INFO").completeExceptionally(new IllegalStateException("model bug"));
    send("INFO\r\n");

    assertThat(outbound(channel)).isEmpty();
    assertThat(channel.isOpen()).isFalse();
    assertThat(session.closedCalls).hasValue(1);
  }

  @Test
  void readingPausesWhileTooManyLinesWaitBehindAPendingStage() {
    outbound(channel);
    CompletableFuture<Outcome> fetch = session.pending("FETCH q");
    send("FETCH q\r\n" + "INFO\r\n".repeat(SessionHandler.MAX_QUEUED_LINES));

    assertThat(channel.config().isAutoRead()).isFalse();

    fetch.complete(Outcome.send(Reply.NULL_BULK));
    channel.runPendingTasks();

    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(session.lines).hasSize(SessionHandler.MAX_QUEUED_LINES + 1);
  }

  @Test
  void peerCloseTellsTheSessionOnce() {
    channel.close();
    channel.close();

    assertThat(session.closedCalls).hasValue(1);
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.wrappedBuffer(utf8(text)));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
