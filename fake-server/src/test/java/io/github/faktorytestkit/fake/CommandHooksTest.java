package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.transport.FaktoryTransport;
import io.github.faktorytestkit.fake.transport.ScriptedSession;
import io.github.faktorytestkit.protocol.Reply;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal, interceptor and faults over a real loopback socket, in front of a stub model. */
@Timeout(10)
class CommandHooksTest {
  private static final Duration SHORT = Duration.ofMillis(100);

  private final ManualClock clock = new ManualClock();
  private final Journal journal = new Journal();
  private final CommandHooks hooks = new CommandHooks(clock, journal);
  private final ScriptedSession model = new ScriptedSession();
  private final FaktoryTransport transport = FaktoryTransport.start(new InetSocketAddress("127.0.0.1", 0), 1024, null,
      connection -> hooks.decorate(model, connection.index()));

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  @Test
  void journalRecordsCommandsWithTheirIndexesTimeAndReply() {
    try (RawClient first = connect(); RawClient second = connect()) {
      first.command("HELLO {}");
      first.command("PUSH {\"jid\":\"x\"}");
      second.command("HELLO {}");

      assertThat(take().line()).isEqualTo("HELLO {}");
      RecordedCommand push = take();
      assertThat(push.connectionIndex()).isZero();
      assertThat(push.exchangeIndex()).isEqualTo(1);
      assertThat(push.verb()).isEqualTo("PUSH");
      assertThat(push.reply()).contains(Reply.OK);
      assertThat(push.receivedAt()).isEqualTo(clock.now());
      assertThat(journal.count()).isEqualTo(3);
    }
  }

  @Test
  void takeFailsDescriptivelyWhenNothingIsAnswered() {
    assertThatThrownBy(() -> journal.take(SHORT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("takeCommand: no command answered within PT0.1S");
  }

  @Test
  void awaitReceivedSeesACommandWhoseReplyIsStillPending() {
    hooks.faults().add(Fault.delayReply("FETCH", Duration.ofSeconds(2)));
    try (RawClient client = connect()) {
      client.send("FETCH default");

      ReceivedCommand fetch = journal.awaitReceived("FETCH", Duration.ofSeconds(5));
      assertThat(fetch.line()).isEqualTo("FETCH default");
      assertThatThrownBy(() -> journal.take(SHORT)).hasMessageContaining("awaiting an answer: [#0.0 FETCH default]");

      clock.advance(Duration.ofSeconds(2));
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(take().reply()).contains(Reply.OK);
    }
  }

  @Test
  void interceptorAnswersInTheModelsPlace() {
    hooks.intercept(command -> command.verb().equals("PUSH")
        ? Interceptor.Decision.reply(Reply.error("NOTUNIQUE", "Job not unique"))
        : Interceptor.Decision.proceed());
    try (RawClient client = connect()) {
      assertThat(client.command("PUSH {}")).isEqualTo("-NOTUNIQUE Job not unique\r\n");
      assertThat(client.command("INFO")).isEqualTo("+OK\r\n");
      assertThat(model.lines()).containsExactly("INFO");
    }
  }

  @Test
  void interceptorCanBreakTheConnection() {
    hooks.intercept(command -> Interceptor.Decision.close());
    try (RawClient client = connect()) {
      client.send("INFO");

      assertThat(client.closedByServer()).isTrue();
      assertThat(take().outcome()).isEqualTo(Outcome.close());
    }
  }

  @Test
  void closeAfterReplyHitsOnlyTheNextMatchingCommand() {
    hooks.faults().add(Fault.closeAfterReply("FETCH"));
    try (RawClient first = connect(); RawClient second = connect()) {
      assertThat(first.command("INFO")).isEqualTo("+OK\r\n");
      assertThat(first.command("FETCH q")).isEqualTo("+OK\r\n");
      assertThat(first.closedByServer()).isTrue();
      assertThat(second.command("FETCH q")).isEqualTo("+OK\r\n");
      assertThat(hooks.faults().snapshot()).isEmpty();
    }
  }

  @Test
  void closeInsteadOfReplyLetsTheModelActButSendsNothing() {
    hooks.faults().add(Fault.closeInsteadOfReply("PUSH"));
    try (RawClient client = connect()) {
      client.send("PUSH {}");

      assertThat(client.closedByServer()).isTrue();
      assertThat(model.lines()).containsExactly("PUSH {}");
    }
  }

  @Test
  void delayedReplyHoldsBackLaterRepliesUntilTheClockMoves() {
    hooks.faults().add(Fault.delayReply("ACK", Duration.ofSeconds(5)));
    try (RawClient client = connect()) {
      client.send("ACK {}").send("INFO");
      journal.awaitReceived("ACK", Duration.ofSeconds(5));
      clock.advance(Duration.ofSeconds(4));
      assertThatThrownBy(() -> journal.take(SHORT)).isInstanceOf(AssertionError.class);

      clock.advance(Duration.ofSeconds(1));
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(take().verb()).isEqualTo("ACK");
    }
  }

  @Test
  void garbageReplacesTheReplyAndKeepsTheConnection() {
    hooks.faults().add(Fault.garbage("INFO"));
    try (RawClient client = connect()) {
      assertThat(client.command("INFO")).isEqualTo("?garbage\0\r\n");
      assertThat(client.command("INFO")).isEqualTo("+OK\r\n");
      assertThat(take().toString()).isEqualTo("#0.0 INFO -> raw ?garbage\\x00\\r\\n");
    }
  }

  @Test
  void interceptorAnsweringTwiceKeepsCommandsFromTheModelThenLetsThemThrough() {
    AtomicInteger errors = new AtomicInteger(2);
    hooks.intercept(command -> command.verb().equals("PUSH") && errors.getAndDecrement() > 0
        ? Interceptor.Decision.reply(Reply.err("boom"))
        : Interceptor.Decision.proceed());
    try (RawClient client = connect()) {
      assertThat(client.command("PUSH 1")).isEqualTo("-ERR boom\r\n");
      assertThat(client.command("PUSH 2")).isEqualTo("-ERR boom\r\n");
      assertThat(client.command("PUSH 3")).isEqualTo("+OK\r\n");
      assertThat(model.lines()).containsExactly("PUSH 3");
    }
  }

  @Test
  void repeatedFaultWearsOffAfterItsCount() {
    hooks.faults().add(Fault.garbage("PUSH").repeated(2));
    try (RawClient client = connect()) {
      assertThat(client.command("PUSH 1")).isEqualTo("?garbage\0\r\n");
      assertThat(hooks.faults().snapshot()).containsExactly(Fault.garbage("PUSH"));
      assertThat(client.command("PUSH 2")).isEqualTo("?garbage\0\r\n");
      assertThat(client.command("PUSH 3")).isEqualTo("+OK\r\n");
      assertThat(hooks.faults().snapshot()).isEmpty();
    }
  }

  @Test
  void resetForgetsJournalFaultsAndInterceptor() {
    hooks.faults().add(Fault.garbage("INFO").always());
    hooks.intercept(command -> Interceptor.Decision.reply(Reply.err("intercepted")));
    try (RawClient client = connect()) {
      client.command("PUSH {}");
      hooks.reset();

      assertThat(journal.count()).isZero();
      assertThat(client.command("INFO")).isEqualTo("+OK\r\n");
      assertThat(take().exchangeIndex()).isEqualTo(1);
    }
  }

  private RawClient connect() {
    RawClient client = RawClient.connect(transport.localAddress().getPort());
    assertThat(client.readLine()).isEqualTo("+HI {\"v\":2}\r\n");
    return client;
  }

  private RecordedCommand take() {
    return journal.take(Duration.ofSeconds(5));
  }
}
