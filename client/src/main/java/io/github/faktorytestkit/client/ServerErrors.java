package io.github.faktorytestkit.client;

import io.github.faktorytestkit.protocol.Reply;

/** Turns the server's error frames into exceptions: the one place that maps error codes to exception types. */
final class ServerErrors {
  private ServerErrors() {}

  /** Returns the exception for {@code reply}, the server's answer to {@code command}. */
  static FaktoryCommandException toException(String command, Reply.ErrorReply reply) {
    return switch (reply.code()) {
      case "NOTUNIQUE" -> new FaktoryNotUniqueException(command, reply);
      default -> new FaktoryCommandException(command, reply);
    };
  }
}
