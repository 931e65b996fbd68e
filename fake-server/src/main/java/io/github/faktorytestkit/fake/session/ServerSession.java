package io.github.faktorytestkit.fake.session;

import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.CompletionStage;

/**
 * The server side of one connection: what it greets with and how it answers each line.
 *
 * <p>The transport calls {@link #greeting()} once on accept, then {@link #handle(String)} once per received line,
 * in order, never calling it again before the previous stage completed (replies keep the order of commands),
 * and {@link #closed()} once when the connection is gone for any reason.
 */
public interface ServerSession {

  /** Returns the first frame the server sends on accept ({@code +HI {...}}). */
  Reply greeting();

  /**
   * Handles one line received from the client (without its line terminator) and returns what to do.
   * Most stages are already complete; FETCH completes when a job arrives or its wait times out on the clock, on
   * whichever thread caused that (another connection's PUSH, or the clock's advancing or timer thread).
   */
  CompletionStage<Outcome> handle(String line);

  /**
   * Tells the session its connection is closed; releases its worker registration and connection count. A FETCH
   * still waiting keeps waiting and may still reserve a job, as on the real server, which only notices the closed
   * socket when it writes the reply; its stage then completes unused.
   */
  void closed();
}
