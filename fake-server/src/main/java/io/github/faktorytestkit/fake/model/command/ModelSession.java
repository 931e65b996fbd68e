package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.Hello;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.model.Workers;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The server side of one connection: the HI greeting, the HELLO handshake (2 s deadline on the clock, password
 * check, worker registration, connection cap), then one command per line through {@link CommandTable}.
 * Thread-safe: every call takes the model lock.
 */
public final class ModelSession implements ServerSession {
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

  private enum Phase { AWAITING_HELLO, ACTIVE, CLOSED }

  private final ModelCore core;
  private final ClientConnection connection;
  private final ClientConnection closer = new ServerSideClose();
  private final int iterations;
  private final String salt;
  private final FaktoryClock.Cancellable handshakeDeadline;
  private Phase phase = Phase.AWAITING_HELLO;
  private Hello hello;
  private Workers.Worker worker;
  private boolean counted;

  /** Opens the session of {@code connection}; the caller holds the model lock. */
  public ModelSession(ModelCore core, ClientConnection connection) {
    this.core = core;
    this.connection = connection;
    this.iterations = core.random().nextInt(4096) + 4000;
    this.salt = Long.toHexString(core.random().nextLong() & Long.MAX_VALUE);
    this.handshakeDeadline = core.at(core.now().plus(HANDSHAKE_TIMEOUT), this::handshakeTimedOut);
  }

  @Override
  public Reply greeting() {
    if (core.settings().password() == null) {
      return Reply.simple("HI {\"v\":2}");
    }
    return Reply.simple("HI {\"v\":2,\"i\":" + iterations + ",\"s\":\"" + salt + "\"}");
  }

  @Override
  public CompletionStage<Outcome> handle(String line) {
    return core.lock().call(() -> {
      switch (phase) {
        case AWAITING_HELLO:
          return Outcome.done(hello(line));
        case ACTIVE:
          return dispatch(line);
        default:
          return Outcome.done(Outcome.close());
      }
    });
  }

  @Override
  public void closed() {
    core.lock().run(this::release);
  }

  /** Returns what this connection's HELLO said; the caller holds the lock and the handshake is done. */
  Hello client() {
    return hello;
  }

  /**
   * Returns the state of this connection's worker: the worker record's for the connection that registered the wid,
   * running for any other (a real-server quirk the model keeps).
   */
  WorkerState workerState() {
    return worker == null ? WorkerState.RUNNING : worker.state();
  }

  /** Marks the session as closing after END. */
  void ending() {
    phase = Phase.CLOSED;
  }

  private Outcome hello(String line) {
    if (!line.startsWith("HELLO {")) {
      return refuse(Outcome.close());
    }
    Hello said;
    try {
      said = Hello.parse(line.substring(5));
    } catch (GoJsonException e) {
      return refuse(Outcome.close());
    }
    String password = core.settings().password();
    if (password != null && !provesPassword(said, password)) {
      return refuse(Outcome.sendAndClose(Reply.err(ErrorTexts.INVALID_PASSWORD)));
    }
    return accept(said);
  }

  /** Compares the proof in constant time, as Faktory's {@code subtle.ConstantTimeCompare} does. */
  private boolean provesPassword(Hello said, String password) {
    String expected = PasswordHash.compute(password, salt, said.version() < 2 ? 1 : iterations);
    return MessageDigest.isEqual(said.passwordHash().getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  private Outcome accept(Hello said) {
    handshakeDeadline.cancel();
    hello = said;
    if (hello.isConsumer()) {
      worker = core.workers().register(hello, closer);
    }
    long connections = core.stats().connectionOpened();
    counted = true;
    phase = Phase.ACTIVE;
    if (connections > core.settings().maxConnections()) {
      release();
      return Outcome.sendAllAndClose(Reply.OK, Reply.err(ErrorTexts.tooManyConnections(connections)));
    }
    return Outcome.send(Reply.OK);
  }

  private Outcome refuse(Outcome outcome) {
    handshakeDeadline.cancel();
    phase = Phase.CLOSED;
    return outcome;
  }

  private CompletionStage<Outcome> dispatch(String line) {
    String verb = CommandLine.verbOf(line);
    CommandHandler handler = CommandTable.forVerb(verb);
    if (handler == null) {
      return Outcome.done(Outcome.error(ErrorTexts.unknownCommand(verb)));
    }
    core.stats().commandHandled();
    try {
      return handler.execute(new CommandContext(core, this, line));
    } catch (ErrorReplyException e) {
      return Outcome.done(Outcome.error(e.getMessage()));
    } catch (HandlerPanic e) {
      return Outcome.done(Outcome.error(ErrorTexts.INTERNAL_ERROR));
    }
  }

  private void handshakeTimedOut() {
    if (phase == Phase.AWAITING_HELLO) {
      closer.close();
    }
  }

  private void release() {
    handshakeDeadline.cancel();
    phase = Phase.CLOSED;
    if (counted) {
      counted = false;
      core.stats().connectionClosed();
      if (hello.isConsumer()) {
        core.workers().removeConnection(closer, hello.wid());
      }
    }
  }

  /**
   * This connection as the model closes it on its own initiative (handshake deadline, heartbeat expiry): lines
   * arriving from now on are not answered, and the socket closes once the caller, who holds the lock, releases it;
   * the transport then calls {@link #closed()}.
   */
  private final class ServerSideClose implements ClientConnection {
    @Override
    public int index() {
      return connection.index();
    }

    @Override
    public void close() {
      phase = Phase.CLOSED;
      core.lock().afterUnlock(connection::close);
    }
  }
}
