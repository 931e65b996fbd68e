package io.github.faktorytestkit.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The command verbs of Faktory 1.9.4 OSS, each owning its wire bytes.
 *
 * <p>The server looks verbs up case-sensitively, so the wire form is always upper case.
 */
public enum Verb {
  /** Identifies the client after the server's {@code HI}; the only verb allowed before the handshake ends. */
  HELLO(false, true),
  /** Ends the session; the server closes the socket without a reply. */
  END(false, false),
  /** Enqueues one job. */
  PUSH(true, true),
  /** Enqueues an array of jobs and replies with the per-jid errors. */
  PUSHB(true, true),
  /** Takes the next job from one of the listed queues, or nothing after about 2 s. */
  FETCH(false, true),
  /** Acknowledges a fetched job. */
  ACK(true, true),
  /** Reports a fetched job as failed. */
  FAIL(true, true),
  /** Sends a worker heartbeat. */
  BEAT(true, true),
  /** Returns the server's state as JSON. */
  INFO(false, true),
  /** Deletes every job and set. */
  FLUSH(false, true),
  /** Changes the retries, scheduled or dead set. */
  MUTATE(false, true),
  /** Pauses, resumes, removes queues or reports their latency. */
  QUEUE(true, true),
  /** Enterprise batches; the OSS server answers with an error. */
  BATCH(false, true),
  /** Enterprise job tracking; the OSS server answers with an error. */
  TRACK(false, true);

  private final byte[] bytes;
  private final boolean crashesFaktoryWhenBare;
  private final boolean answered;

  Verb(boolean crashesFaktoryWhenBare, boolean answered) {
    this.bytes = name().getBytes(StandardCharsets.US_ASCII);
    this.crashesFaktoryWhenBare = crashesFaktoryWhenBare;
    this.answered = answered;
  }

  /** Returns a copy of the verb's wire bytes (ASCII, upper case, no separator). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns whether Faktory 1.9.4 crashes when this verb is sent with no argument at all.
   *
   * <p>The handlers of PUSH, PUSHB, ACK, FAIL, BEAT and QUEUE slice the line at a fixed offset; a bare verb panics
   * and takes the whole server process down (fixed in 1.10.0, which answers {@code -ERR internal error}).
   */
  public boolean crashesFaktoryWhenBare() {
    return crashesFaktoryWhenBare;
  }

  /** Returns whether the server answers this verb with a frame; false only for {@link #END}. */
  public boolean answered() {
    return answered;
  }

  /** Returns the verb spelled exactly {@code text} (case-sensitive, as the server matches), or empty. */
  public static Optional<Verb> find(String text) {
    for (Verb verb : values()) {
      if (verb.name().equals(text)) {
        return Optional.of(verb);
      }
    }
    return Optional.empty();
  }
}
