package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The server side of one connection: the HI greeting, the HELLO handshake (2 s deadline on the clock, password
 * check, worker registration, connection cap), then one command per line through {@link CommandTable}.
 * Thread-safe: every call takes the model lock.
 */
final class Session implements ServerSession {
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

  private enum Phase { AWAITING_HELLO, ACTIVE, CLOSED }

  private final ModelCore core;
  private final Connection connection;
  private final int iterations;
  private final String salt;
  private final FaktoryClock.Cancellable handshakeDeadline;
  private Phase phase = Phase.AWAITING_HELLO;
  private ClientData client;
  private boolean counted;

  Session(ModelCore core, Connection connection) {
    this.core = core;
    this.connection = connection;
    this.iterations = core.random.nextInt(4096) + 4000;
    this.salt = Long.toHexString(core.random.nextLong() & Long.MAX_VALUE);
    this.handshakeDeadline = core.at(core.now().plus(HANDSHAKE_TIMEOUT), this::handshakeTimedOut);
  }

  @Override
  public Reply greeting() {
    if (core.settings.password() == null) {
      return Reply.simple("HI {\"v\":2}");
    }
    return Reply.simple("HI {\"v\":2,\"i\":" + iterations + ",\"s\":\"" + salt + "\"}");
  }

  @Override
  public CompletionStage<Outcome> handle(String line) {
    return core.lock.call(() -> {
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
    core.lock.run(this::release);
  }

  /** Returns what this connection's HELLO said; the caller holds the lock and the handshake is done. */
  ClientData client() {
    return client;
  }

  /** Marks the session as closing after END. */
  void ending() {
    phase = Phase.CLOSED;
  }

  /**
   * Closes the connection from the server side (handshake deadline, heartbeat expiry): lines arriving from now on
   * are not answered, and the connection closes once the caller, who holds the lock, releases it; the transport
   * then calls {@link #closed()}.
   */
  void closeConnection() {
    phase = Phase.CLOSED;
    core.lock.afterUnlock(connection::close);
  }

  private Outcome hello(String line) {
    if (!line.startsWith("HELLO {")) {
      return refuse(Outcome.close());
    }
    ClientData hello;
    try {
      hello = new ClientData(Fields.of(GoDecoder.decode(line.substring(5), GoTypes.CLIENT_DATA)));
    } catch (GoJsonException e) {
      return refuse(Outcome.close());
    }
    String password = core.settings.password();
    if (password != null && !hello.passwordHash.equals(
        PasswordHash.compute(password, salt, hello.version < 2 ? 1 : iterations))) {
      return refuse(Outcome.sendAndClose(Reply.err(ErrorTexts.INVALID_PASSWORD)));
    }
    return accept(hello);
  }

  private Outcome accept(ClientData hello) {
    handshakeDeadline.cancel();
    client = hello;
    if (client.isConsumer()) {
      core.workers.register(client, this);
    }
    core.stats.connections++;
    counted = true;
    phase = Phase.ACTIVE;
    if (core.stats.connections > core.settings.maxConnections()) {
      long connections = core.stats.connections;
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
    int space = line.indexOf(' ');
    String verb = space < 0 ? line : line.substring(0, space);
    Command command = CommandTable.forVerb(verb);
    if (command == null) {
      return Outcome.done(Outcome.error(ErrorTexts.unknownCommand(verb)));
    }
    core.stats.commands++;
    try {
      return command.execute(new CommandContext(core, this, line));
    } catch (CommandException e) {
      return Outcome.done(Outcome.error(e.getMessage()));
    } catch (HandlerPanic e) {
      return Outcome.done(Outcome.error(ErrorTexts.INTERNAL_ERROR));
    }
  }

  private void handshakeTimedOut() {
    if (phase == Phase.AWAITING_HELLO) {
      closeConnection();
    }
  }

  private void release() {
    handshakeDeadline.cancel();
    phase = Phase.CLOSED;
    if (counted) {
      counted = false;
      core.stats.connections--;
      if (client.isConsumer()) {
        core.workers.removeConnection(this, client.wid);
      }
    }
  }
}
