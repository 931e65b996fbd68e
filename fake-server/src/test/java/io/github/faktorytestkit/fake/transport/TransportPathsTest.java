package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.RawClient;
import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.model.FaktoryModel;
import io.github.faktorytestkit.fake.model.ModelSettings;
import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.protocol.Reply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transport's behaviour, through both of its paths: Netty, and the selector loop serving the connections accepted
 * before Netty was ready ({@link EarlyConnection}), which must be indistinguishable from it.
 */
@Timeout(20)
class TransportPathsTest {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
  private static final int LIMIT = 64;

  /** How a transport serves its connections. */
  enum Path {
    NETTY {
      @Override
      FaktoryTransport start(SessionFactory sessions) {
        return FaktoryTransport.startOnNetty(LOOPBACK, LIMIT, sessions);
      }
    },
    EARLY {
      @Override
      FaktoryTransport start(SessionFactory sessions) {
        return FaktoryTransport.startEarlyOnly(LOOPBACK, LIMIT, sessions);
      }
    };

    abstract FaktoryTransport start(SessionFactory sessions);
  }

  private final ScriptedSession session = new ScriptedSession();

  @ParameterizedTest
  @EnumSource(Path.class)
  void greetsThenAnswersLinesSplitAnyWayInOrder(Path path) {
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      assertThat(client.readLine()).isEqualTo("+HI {\"v\":2}\r\n");
      for (byte b : utf8("PUSH {}\r\nA\rB\r\n\nINFO\n")) {
        client.sendRaw(new byte[] {b});
      }

      assertThat(client.readLine() + client.readLine() + client.readLine() + client.readLine())
          .isEqualTo("+OK\r\n".repeat(4));
      assertThat(session.lines()).containsExactly("PUSH {}", "A\rB", "", "INFO");
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void invalidUtf8BytesOfALineReachTheSessionLosslessly(Path path) {
    byte[] line = {'P', 'U', 'S', 'H', ' ', (byte) 0xff, (byte) 0xc3};
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.sendRaw(line).sendRaw(utf8("\r\n"));

      assertThat(client.readLine()).isEqualTo("+OK\r\n");
      assertThat(session.lines()).containsExactly(GoUtf8.decode(line, 0, line.length));
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void lineOverTheLimitIsAnsweredInTurnThenTheConnectionCloses(Path path) {
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.send("INFO").send("X".repeat(LIMIT + 1)).send("FLUSH");

      assertThat(client.readLine()).isEqualTo("+OK\r\n");
      assertThat(client.readLine())
          .isEqualTo("-ERR line length: more than 64 bytes (expected: <= 64)\r\n");
      assertThat(client.closedByServer()).isTrue();
      assertThat(session.lines()).containsExactly("INFO");
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void pendingStageHoldsLaterLinesAndIsAnsweredFromAnotherThread(Path path) throws Exception {
    CompletableFuture<Outcome> fetch = session.pending("FETCH q");
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.send("FETCH q").send("INFO");
      assertThat(session.handed.poll(10, TimeUnit.SECONDS)).isEqualTo("FETCH q");

      Thread clock = new Thread(() -> fetch.complete(Outcome.send(Reply.bulk("{}"))));
      clock.start();
      clock.join();

      assertThat(client.readFrame()).isEqualTo("$2\r\n{}\r\n");
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(session.handedWhilePending).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void halfCloseGetsEveryAnswerAWaitingFetchIncludedThenTheClose(Path path) throws Exception {
    CompletableFuture<Outcome> fetch = session.pending("FETCH q");
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.send("FETCH q").send("INFO").sendRaw(utf8("UNTERMINATED")).shutdownOutput();
      assertThat(session.handed.poll(10, TimeUnit.SECONDS)).isEqualTo("FETCH q");

      fetch.complete(Outcome.send(Reply.NULL_BULK));

      assertThat(client.readFrame()).isEqualTo("$-1\r\n");
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(client.closedByServer()).isTrue();
      assertThat(session.lines()).containsExactly("FETCH q", "INFO");
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void sendRawCloseAndSendAndCloseOutcomesBecomeSocketOperations(Path path) {
    session.pending("RAW").complete(new Outcome.SendRaw(new byte[] {'?', 0, '\n'}));
    session.pending("BYE").complete(Outcome.sendAndClose(Reply.err("Invalid password")));
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.send("RAW").send("BYE").send("INFO");

      assertThat(client.readLineBytes()).containsExactly('?', 0, '\n');
      assertThat(client.readLine()).isEqualTo("-ERR Invalid password\r\n");
      assertThat(client.closedByServer()).isTrue();
      assertThat(session.lines()).containsExactly("RAW", "BYE");
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void failedStageClosesTheConnectionAfterEarlierReplies(Path path) {
    session.pending("INFO").completeExceptionally(new IllegalStateException("model bug"));
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      client.send("PUSH {}").send("INFO");

      assertThat(client.readLine()).isEqualTo("+OK\r\n");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void closeDropsOpenConnectionsAWaitingOneIncluded(Path path) throws Exception {
    session.pending("FETCH q");
    FaktoryTransport transport = path.start(session.factory());
    try (RawClient idle = connect(transport); RawClient waiting = connect(transport)) {
      idle.readLine();
      waiting.readLine();
      waiting.send("FETCH q");
      assertThat(session.handed.poll(10, TimeUnit.SECONDS)).isEqualTo("FETCH q");

      transport.close();
      transport.close();

      assertThat(idle.closedByServer()).isTrue();
      assertThat(waiting.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void connectionModelClosesIsClosedWithoutAByteAndTheSessionToldOnce(Path path) throws Exception {
    try (FaktoryTransport transport = path.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();
      session.connection.close();

      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(session.closedCalls).hasValue(1);
  }

  /** Netty completes a close before it tells the pipeline: close waits for that (once in ~40 runs before). */
  @ParameterizedTest
  @EnumSource(Path.class)
  void closeReturnsOnlyOnceEverySessionWasToldClosed(Path path) {
    int untold = 0;
    for (int run = 0; run < 300; run++) {
      ScriptedSession closing = new ScriptedSession();
      try (FaktoryTransport transport = path.start(closing.factory()); RawClient client = connect(transport)) {
        client.readLine();
        closing.connection.close();
        client.closedByServer();
      }
      untold += 1 - closing.closedCalls.get();
    }
    assertThat(untold).isZero();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void emptyFetchOfTheModelIsAnsweredWhenTheClockMoves(Path path) throws Exception {
    ManualClock clock = new ManualClock();
    FaktoryModel model = new FaktoryModel(ModelSettings.defaults(), clock);
    BlockingQueue<String> handed = new LinkedBlockingQueue<>();
    try (FaktoryTransport transport = path.start(connection -> handing(model.openSession(connection), handed));
        RawClient client = connect(transport)) {
      client.readLine();
      assertThat(client.command("HELLO {\"v\":2}")).isEqualTo("+OK\r\n");
      client.send("FETCH default");
      assertThat(handed.poll(10, TimeUnit.SECONDS)).startsWith("HELLO");
      assertThat(handed.poll(10, TimeUnit.SECONDS)).isEqualTo("FETCH default");

      clock.advance(Duration.ofSeconds(2));

      assertThat(client.readFrame()).isEqualTo("$-1\r\n");
    }
  }

  /** A reply is not held back until the client acknowledges the one before (Nagle), as neither Go nor Netty does. */
  @Test
  void earlyConnectionSendsWithoutNaglesDelay() throws Exception {
    try (FaktoryTransport transport = Path.EARLY.start(session.factory()); RawClient client = connect(transport)) {
      client.readLine();

      assertThat(((EarlyConnection) session.connection).noDelay()).isTrue();
    }
  }

  /**
   * The early path's connections are served by its loops in turn (two here, as the standalone jar's on two cores):
   * the second connection's session opens on another thread than the first's and the third's, and each is answered.
   */
  @Test
  void earlyConnectionsAreServedByItsLoopsInTurn() {
    Map<Integer, String> openedOn = new ConcurrentHashMap<>(); // by the connection's index: loops open side by side
    SessionFactory noting = connection -> {
      openedOn.put(connection.index(), Thread.currentThread().getName());
      return session;
    };
    try (FaktoryTransport transport = Path.EARLY.start(noting); RawClient first = connect(transport);
        RawClient second = connect(transport); RawClient third = connect(transport)) {
      for (RawClient client : List.of(first, second, third)) {
        assertThat(client.readLine()).isEqualTo("+HI {\"v\":2}\r\n");
        assertThat(client.command("INFO")).isEqualTo("+OK\r\n");
      }

      assertThat(openedOn).containsOnlyKeys(0, 1, 2);
      assertThat(openedOn.get(1)).isNotEqualTo(openedOn.get(0));
      assertThat(openedOn.get(2)).isEqualTo(openedOn.get(0));
    }
  }

  @Test
  void socketHandedOverKeepsItsEarlyConnectionsAndNettyServesTheNext() throws Exception {
    ColdStart.awaitNettyReady();
    EarlyAcceptor acceptor = EarlyAcceptor.start("faktory-fake-early-accept-test");
    FaktoryTransport transport = FaktoryTransport.startWatchedBy(acceptor, LOOPBACK, LIMIT, session.factory());
    try (RawClient early = connect(transport)) {
      early.readLine();
      ClientConnectionKind first = ClientConnectionKind.of(session);
      acceptor.end();
      acceptor.awaitHandedOver();
      try (RawClient later = connect(transport)) {
        later.readLine();

        assertThat(first).isEqualTo(new ClientConnectionKind(0, EarlyConnection.class));
        assertThat(ClientConnectionKind.of(session)).isEqualTo(new ClientConnectionKind(1, ChannelConnection.class));
        assertThat(early.command("INFO")).isEqualTo("+OK\r\n");
        assertThat(later.command("INFO")).isEqualTo("+OK\r\n");

        transport.close();

        assertThat(early.closedByServer()).isTrue();
        assertThat(later.closedByServer()).isTrue();
        acceptor.join(); // its thread ends with the last connection it served (else the test times out)
      }
    }
  }

  /** The index and class of the connection a session was last opened for. */
  record ClientConnectionKind(int index, Class<?> type) {
    static ClientConnectionKind of(ScriptedSession session) {
      return new ClientConnectionKind(session.connection.index(), session.connection.getClass());
    }
  }

  /** Returns {@code session}, announcing each line in {@code handed} once the session took it in hand. */
  private static ServerSession handing(ServerSession session, BlockingQueue<String> handed) {
    return new ServerSession() {
      @Override
      public Reply greeting() {
        return session.greeting();
      }

      @Override
      public CompletionStage<Outcome> handle(String line) {
        CompletionStage<Outcome> stage = session.handle(line);
        handed.add(line);
        return stage;
      }

      @Override
      public void closed() {
        session.closed();
      }
    };
  }

  private static RawClient connect(FaktoryTransport transport) {
    return RawClient.connect(transport.localAddress().getPort());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
