package io.github.faktorytestkit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.client.internal.Connection;
import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.Verb;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs commands one at a time on a connection and interprets the replies: OK, bulk JSON, or an error frame turned
 * into an exception. Thread-safe.
 */
final class CommandRunner {
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  CommandRunner(Connection connection) {
    this.connection = connection;
  }

  /** Sends {@code line} and returns the reply, whatever it is; its verb names it in errors. */
  Reply call(CommandLine line) {
    return call(line, line.verb().name());
  }

  /** Sends {@code line} and returns the reply, whatever it is; {@code command} names it in errors. */
  Reply call(CommandLine line, String command) {
    if (line.crashesFaktory194()) {
      throw new IllegalArgumentException("line: " + line.text() + " (expected: a payload; Faktory 1.9.4 crashes"
          + " on this bare command)");
    }
    lock.lock();
    try {
      connection.send(line);
      return connection.receive(command);
    } finally {
      lock.unlock();
    }
  }

  /** Sends {@code line}, which is outside {@link CommandLine}'s verbs, and returns the reply. */
  Reply callRaw(String line) {
    lock.lock();
    try {
      connection.sendRaw(line);
      return connection.receive("command");
    } finally {
      lock.unlock();
    }
  }

  /** Sends {@code line} and expects {@code +OK}; its verb names it in errors. */
  void callOk(CommandLine line) {
    callOk(line, line.verb().name());
  }

  /** Sends {@code line} and expects {@code +OK}; {@code command} names it in errors. */
  void callOk(CommandLine line, String command) {
    Reply reply = call(line, command);
    if (!reply.equals(Reply.OK)) {
      throw rejected(command, reply);
    }
  }

  /** Sends {@code line} and returns the JSON object of the bulk reply; its verb names it in errors. */
  JsonNode callJson(CommandLine line) {
    return callJson(line, line.verb().name());
  }

  /** Sends {@code line} and returns the JSON object of the bulk reply; {@code command} names it in errors. */
  JsonNode callJson(CommandLine line, String command) {
    Reply reply = call(line, command);
    if (reply instanceof Reply.BulkString bulk) {
      return json(command, reply, bulk.text());
    }
    throw rejected(command, reply);
  }

  /** Returns {@code text}, part of {@code reply}, as a JSON object; anything else breaks the connection. */
  JsonNode json(String command, Reply reply, String text) {
    try {
      JsonNode json = JobJson.readTree(text);
      if (json != null && json.isObject()) {
        return json;
      }
    } catch (JsonProcessingException e) {
      throw unexpected(command + " reply is not JSON: " + e.getOriginalMessage(), reply, e);
    }
    throw unexpected(command + " reply is not a JSON object", reply, null);
  }

  /** Returns the exception for a reply {@code command} does not accept: a server error or a protocol error. */
  FaktoryException rejected(String command, Reply reply) {
    if (reply instanceof Reply.ErrorReply error) {
      return ServerErrors.toException(command, error);
    }
    return unexpected("unexpected reply to " + command, reply, null);
  }

  /** Breaks the connection for a well-formed but unacceptable reply and returns the exception to throw. */
  FaktoryProtocolException unexpected(String problem, Reply reply, Throwable cause) {
    return connection.unexpected(problem, reply, cause);
  }

  /** Returns whether the connection is open and not broken. */
  boolean isUsable() {
    return connection.isUsable();
  }

  /** Sends END (when possible) and closes; from another thread while a command waits, just closes the socket. */
  void close() {
    if (!lock.tryLock()) {
      connection.close();
      return;
    }
    try {
      if (connection.isUsable()) {
        connection.send(CommandLine.of(Verb.END));
      }
    } catch (FaktoryException e) {
      // closing anyway: a server that cannot take END has dropped the connection already
    } finally {
      connection.close();
      lock.unlock();
    }
  }
}
