package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.transcript.Template;
import java.util.Map;

/** Compares a client's line with a recorded client frame, the way {@link Matching} says. Stateless. */
final class FrameMatcher {
  private FrameMatcher() {}

  /** Returns whether {@code line} (no terminator) matches {@code recorded}, and what it binds or what differs. */
  static LenientMatch.Result match(Matching matching, Template recorded, String line, Bindings bindings) {
    if (matching == Matching.LENIENT) {
      return LenientMatch.match(MarkedTemplate.of(recorded, true), line, bindings::get);
    }
    String expected = recordedLine(recorded);
    if (expected.equals(line)) {
      return new LenientMatch.Result(true, Map.of(), null);
    }
    return new LenientMatch.Result(false, Map.of(), "the line: bytes differ from column " + (firstDifference(expected,
        line) + 1) + " (strict matching)");
  }

  /** Returns the recorded line as the transport would hand it over ({@link GoUtf8#decode}), without terminator. */
  static String recordedLine(Template recorded) {
    byte[] bytes = recorded.bytes();
    return MarkedTemplate.stripTerminator(GoUtf8.decode(bytes, 0, bytes.length));
  }

  private static int firstDifference(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return common;
  }
}
