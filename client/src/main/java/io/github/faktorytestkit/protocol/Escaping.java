package io.github.faktorytestkit.protocol;

import java.nio.charset.StandardCharsets;

/** Renders wire bytes as readable text: CR as {@code \r}, LF as {@code \n}, other control bytes as {@code \xNN}. */
public final class Escaping {
  private Escaping() {}

  /** Returns {@code bytes} decoded as UTF-8 with control characters escaped. */
  public static String escape(byte[] bytes) {
    return escape(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Returns {@code text} with control characters escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.chars().forEach(c -> appendEscaped(out, (char) c));
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\x%02x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }
}
