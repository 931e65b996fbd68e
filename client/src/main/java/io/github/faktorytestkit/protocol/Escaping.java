package io.github.faktorytestkit.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Renders wire bytes as readable text: CR as {@code \r}, LF as {@code \n}, other control bytes and bytes that are
 * not valid UTF-8 as {@code \xNN}. Thread-safe.
 */
public final class Escaping {
  private Escaping() {}

  /** Returns {@code bytes} decoded as UTF-8 with control characters and invalid bytes escaped. */
  public static String escape(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer decoded = CharBuffer.allocate(bytes.length);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    CoderResult result = decoder.decode(in, decoded, true);
    while (result.isError()) {
      appendDecoded(out, decoded);
      for (int i = 0; i < result.length(); i++) {
        appendHex(out, in.get());
      }
      result = decoder.decode(in, decoded, true);
    }
    appendDecoded(out, decoded);
    return out.toString();
  }

  /** Returns {@code text} with control characters escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.chars().forEach(c -> appendEscaped(out, (char) c));
    return out.toString();
  }

  private static void appendDecoded(StringBuilder out, CharBuffer decoded) {
    decoded.flip();
    while (decoded.hasRemaining()) {
      appendEscaped(out, decoded.get());
    }
    decoded.clear();
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          appendHex(out, (byte) c);
        } else {
          out.append(c);
        }
      }
    }
  }

  private static void appendHex(StringBuilder out, byte b) {
    out.append(String.format("\\x%02x", b & 0xff));
  }
}
