package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryCommandException;
import io.github.faktorytestkit.client.FaktoryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * One connection of a worker (a processor's or the heartbeat's) that reconnects with {@link Backoff} when it is
 * lost: a command that fails for the connection's sake is sent again on a new one. Commands of several threads take
 * turns (the heartbeat's BEAT and the shutdown's FAIL of a job still running share the control connection: sent at
 * once, their lines mixed and the FAIL was lost); {@link #close()} may come from any thread.
 */
final class WorkerConnection implements AutoCloseable {
  private final String name;
  private final Supplier<FaktoryClient> connector;
  private final WorkerClock clock;
  private final Logger log;
  private volatile FaktoryClient client;
  private volatile boolean closed;

  WorkerConnection(String name, Supplier<FaktoryClient> connector, WorkerClock clock, Logger log) {
    this.name = name;
    this.connector = connector;
    this.clock = clock;
    this.log = log;
  }

  /** Opens the connection now, failing at once when the server cannot be reached or refuses the handshake. */
  void open() {
    client = connector.get();
  }

  /**
   * Runs {@code command} (named {@code what} in the log) on the connection, reconnecting and running it again for
   * as long as the connection fails and {@code giveUp} has not completed; it runs at least once.
   *
   * @throws FaktoryCommandException when the server refuses the command (not retried)
   * @throws WorkerStoppedException when {@code giveUp} completed before the command went through
   */
  synchronized <T> T call(String what, Function<FaktoryClient, T> command, CompletableFuture<?> giveUp) {
    int failures = 0;
    while (true) {
      try {
        return command.apply(connected(failures));
      } catch (FaktoryCommandException e) {
        throw e;
      } catch (FaktoryException | WorkerStoppedException e) {
        failures++;
        drop();
        Duration wait = Backoff.after(failures);
        if (closed || giveUp.isDone()) {
          throw new WorkerStoppedException(what, e);
        }
        log.warn("{}: {} failed ({}); reconnecting in {}", name, what, e.getMessage(), wait);
        if (!Waits.until(clock, clock.now().plus(wait), giveUp)) {
          throw new WorkerStoppedException(what, e);
        }
      }
    }
  }

  /** Drops the current connection (a new one is opened for the next command), e.g. so its HELLO runs again. */
  void reset() {
    drop();
  }

  /** Sends END and closes; a command in progress on another thread fails. Idempotent. */
  @Override
  public void close() {
    closed = true;
    drop();
  }

  private FaktoryClient connected(int failures) {
    FaktoryClient current = client;
    if (current != null && current.isUsable()) {
      return current;
    }
    if (closed) {
      throw new WorkerStoppedException(name + " connect", null);
    }
    FaktoryClient fresh = connector.get();
    client = fresh;
    if (closed) {
      fresh.close();
    } else if (failures > 0) {
      log.info("{}: reconnected after {} failure(s)", name, failures);
    }
    return fresh;
  }

  private void drop() {
    FaktoryClient current = client;
    client = null;
    if (current != null) {
      current.close();
    }
  }
}
