package io.github.faktorytestkit.fake.model;

import java.time.Instant;

/** The server's in-memory counters (not in Redis, so FLUSH keeps them). Confined to the model lock. */
public final class RuntimeStats {
  private Instant startedAt;
  private long connections;
  private long commands;

  RuntimeStats(Instant startedAt) {
    this.startedAt = startedAt;
  }

  /** Counts a connection past its handshake and returns how many are open now. */
  public long connectionOpened() {
    return ++connections;
  }

  /** Counts a handshaken connection as gone. */
  public void connectionClosed() {
    connections--;
  }

  /** Counts a command of a known verb. */
  public void commandHandled() {
    commands++;
  }

  long connections() {
    return connections;
  }

  long commands() {
    return commands;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** Zeroes the command count and restarts the uptime at {@code now}; open connections stay counted. */
  void reset(Instant now) {
    commands = 0;
    startedAt = now;
  }
}
