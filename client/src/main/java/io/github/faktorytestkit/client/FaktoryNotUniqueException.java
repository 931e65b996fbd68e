package io.github.faktorytestkit.client;

import io.github.faktorytestkit.protocol.Reply;

/**
 * Signals {@code -NOTUNIQUE}: a unique job (Faktory Enterprise) with the same arguments is already pending. The
 * OSS server never sends it.
 */
public class FaktoryNotUniqueException extends FaktoryCommandException {

  /** Creates the exception for {@code reply}, the server's answer to {@code command}. */
  public FaktoryNotUniqueException(String command, Reply.ErrorReply reply) {
    super(command, reply);
  }
}
