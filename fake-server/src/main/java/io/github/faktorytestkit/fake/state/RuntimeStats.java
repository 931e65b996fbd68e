package io.github.faktorytestkit.fake.state;

import java.time.Instant;

/** The server's in-memory counters (not in Redis, so FLUSH keeps them). Confined to the model lock. */
final class RuntimeStats {
  Instant startedAt;
  long connections;
  long commands;

  RuntimeStats(Instant startedAt) {
    this.startedAt = startedAt;
  }
}
