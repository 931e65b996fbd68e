package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Builds the outcomes commands return. */
final class Outcomes {
  private Outcomes() {}

  /**
   * Returns {@code -ERR text}. A text holding CR or LF (a jid or wid with a newline, echoed back) is sent raw, as
   * the real server writes it, though the frame is then broken.
   */
  static Outcome error(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      return new Outcome.SendRaw(("-ERR " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return Outcome.send(Reply.err(text));
  }

  /** Returns {@code +OK}. */
  static Outcome ok() {
    return Outcome.send(Reply.OK);
  }

  /** Returns a bulk reply. */
  static Outcome bulk(String text) {
    return Outcome.send(Reply.bulk(text));
  }

  /** Returns an already completed stage. */
  static CompletionStage<Outcome> done(Outcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
