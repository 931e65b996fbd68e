package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.CompletionStage;

/**
 * The sessions a server opened and has not yet told their connection closed, so that closing the server can wait
 * for them: Netty completes a channel's close before it runs the channel's inactive handlers, which tell the
 * session. Thread-safe.
 */
final class OpenSessions {
  private int open;

  /** Returns {@code sessions} with every session it opens counted here until told closed. */
  SessionFactory counting(SessionFactory sessions) {
    return connection -> {
      ServerSession session = sessions.open(connection);
      opened();
      return new Counted(session);
    };
  }

  /** Waits until every session counted has been told its connection closed. */
  synchronized void awaitNone() {
    boolean interrupted = false;
    while (open > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void opened() {
    open++;
  }

  private synchronized void told() {
    if (--open == 0) {
      notifyAll();
    }
  }

  /** A session that, once told closed, is no longer counted. */
  private final class Counted implements ServerSession {
    private final ServerSession session;

    Counted(ServerSession session) {
      this.session = session;
    }

    @Override
    public Reply greeting() {
      return session.greeting();
    }

    @Override
    public CompletionStage<Outcome> handle(String line) {
      return session.handle(line);
    }

    @Override
    public void closed() {
      try {
        session.closed();
      } finally {
        told();
      }
    }
  }
}
