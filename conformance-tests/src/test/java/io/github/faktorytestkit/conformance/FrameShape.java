package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import java.nio.charset.StandardCharsets;

/**
 * Checks a reply frame's bytes independently of the client's reader: a simple string or error is {@code +} or
 * {@code -}, a line without CR or LF, and CRLF; a bulk string is {@code $n CRLF}, exactly n bytes and CRLF, or
 * {@code $-1 CRLF}.
 */
final class FrameShape {
  private FrameShape() {}

  /**
   * Asserts that {@code wire} is one well-formed frame.
   *
   * @throws AssertionError naming what is wrong, with the escaped frame
   */
  static void check(byte[] wire) {
    String problem = problem(wire);
    if (problem != null) {
      throw new AssertionError("frame " + Escaping.escape(wire) + ": " + problem);
    }
  }

  private static String problem(byte[] wire) {
    if (wire.length < 3 || wire[wire.length - 2] != '\r' || wire[wire.length - 1] != '\n') {
      return "does not end in CRLF";
    }
    int firstCrlf = indexOfCrlf(wire);
    return switch (wire[0]) {
      case '+', '-' -> firstCrlf == wire.length - 2 && noBareCrOrLf(wire, wire.length - 2) ? null
          : "a CR or LF inside the line";
      case '$' -> bulkProblem(wire, firstCrlf);
      default -> "starts with " + Escaping.escape(new byte[] {wire[0]}) + " (expected: + - or $)";
    };
  }

  private static String bulkProblem(byte[] wire, int headerEnd) {
    String header = new String(wire, 1, headerEnd - 1, StandardCharsets.US_ASCII);
    if (header.equals("-1")) {
      return wire.length == 5 ? null : "bytes after a null bulk string";
    }
    if (!header.matches("0|[1-9][0-9]*")) {
      return "length " + header + " (expected: a decimal count)";
    }
    long declared = Long.parseLong(header);
    long actual = wire.length - (headerEnd + 2) - 2L;
    return declared == actual ? null : "declares " + declared + " bytes, holds " + actual;
  }

  private static int indexOfCrlf(byte[] wire) {
    for (int i = 0; i + 1 < wire.length; i++) {
      if (wire[i] == '\r' && wire[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean noBareCrOrLf(byte[] wire, int end) {
    for (int i = 1; i < end; i++) {
      if (wire[i] == '\r' || wire[i] == '\n') {
        return false;
      }
    }
    return true;
  }
}
