package io.github.faktorytestkit.client;

import io.github.faktorytestkit.protocol.Reply;

/**
 * Signals that the server answered a command with an error frame: {@code -ERR message} for ordinary errors, or
 * {@code -CODE message} for Faktory's known errors, which have their own subtypes (see
 * {@link FaktoryNotUniqueException}). The connection stays usable.
 */
public class FaktoryCommandException extends FaktoryException {
  private final String command;
  private final Reply.ErrorReply reply;

  /** Creates the exception for {@code reply}, the server's answer to {@code command} (a verb such as PUSH). */
  public FaktoryCommandException(String command, Reply.ErrorReply reply) {
    super(command + " refused by the server: -" + reply.text());
    this.command = command;
    this.reply = reply;
  }

  /** Returns the command the server refused, as its verb (and QUEUE subcommand). */
  public String command() {
    return command;
  }

  /** Returns the error code: {@code ERR} for ordinary errors, or a known code such as {@code NOTUNIQUE}. */
  public String code() {
    return reply.code();
  }

  /** Returns the server's message without the code, e.g. {@code jobs must have a jobtype parameter}. */
  public String serverMessage() {
    return reply.message();
  }

  /** Returns the error frame as received. */
  public Reply.ErrorReply reply() {
    return reply;
  }
}
