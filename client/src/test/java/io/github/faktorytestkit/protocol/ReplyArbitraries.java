package io.github.faktorytestkit.protocol;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.StringArbitrary;

/** Generators of reply frames and their wire bytes for the reader's properties. */
final class ReplyArbitraries {
  private ReplyArbitraries() {}

  /** Returns any text that survives UTF-8 (no lone surrogates), CR and LF included. */
  static StringArbitrary text() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\uD7FF')
        .withCharRange('\uE000', '\uFFFD')
        .ofMaxLength(60);
  }

  /** Returns text fit for a simple string or error line. */
  static StringArbitrary lineText() {
    return text().excludeChars('\r', '\n');
  }

  /** Returns any reply frame. */
  static Arbitrary<Reply> replies() {
    return Arbitraries.oneOf(
        lineText().map(Reply::simple),
        lineText().map(Reply.ErrorReply::new),
        text().map(Reply::bulk),
        Arbitraries.just(Reply.NULL_BULK),
        Arbitraries.longs().map(Reply.IntegerReply::new));
  }

  /** Returns the concatenated wire bytes of {@code replies}. */
  static byte[] wire(List<Reply> replies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    replies.forEach(reply -> out.writeBytes(reply.toWire()));
    return out.toByteArray();
  }
}
