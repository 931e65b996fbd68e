package io.github.faktorytestkit.client.internal;

import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.protocol.Reply;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Writes one connection's traffic to the wire logger at TRACE level: {@code >} for lines sent (a HELLO's password
 * hash redacted), {@code <} for frames received, escaped so CR, LF and binary bytes stay visible.
 */
final class WireLog {
  private final Logger logger;
  private final String connection;

  WireLog(Logger logger, String connection) {
    this.logger = logger;
    this.connection = connection;
  }

  /** Logs a line sent; {@code redactedLine} is only computed when TRACE is on. */
  void sent(Supplier<String> redactedLine) {
    if (logger.isTraceEnabled()) {
      logger.trace("{} > {}", connection, Escaping.escape(redactedLine.get()));
    }
  }

  void received(Reply reply) {
    if (logger.isTraceEnabled()) {
      logger.trace("{} < {}", connection, reply.escaped());
    }
  }

  void receivedMalformed(String escapedFrame) {
    logger.trace("{} < (malformed) {}", connection, escapedFrame);
  }

  void event(String what) {
    logger.trace("{} {}", connection, what);
  }
}
