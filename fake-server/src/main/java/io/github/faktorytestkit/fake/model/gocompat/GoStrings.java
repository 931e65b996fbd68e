package io.github.faktorytestkit.fake.model.gocompat;

/** Go's string handling where it differs from Java's: byte-wise truncation and space trimming. */
public final class GoStrings {
  /** The Unicode replacement character U+FFFD that Go substitutes for invalid UTF-8. */
  public static final char REPLACEMENT = '\uFFFD';

  private GoStrings() {}

  /**
   * Returns {@code text} cut to at most {@code maxBytes} UTF-8 bytes as Go's {@code s[0:n]} does. A multi-byte
   * character cut in the middle leaves invalid bytes, which Go's JSON encoder writes as one {@code \ufffd} escape
   * each; they are kept as escaped bytes ({@link GoUtf8}), which {@link GoJsonWriter} writes the same way.
   */
  public static String truncateBytes(String text, int maxBytes) {
    byte[] bytes = GoUtf8.encode(text);
    if (bytes.length <= maxBytes) {
      return text;
    }
    return GoUtf8.decode(bytes, 0, maxBytes);
  }

  /** Returns {@code text} without leading and trailing white space as Go's {@code strings.TrimSpace} defines it. */
  public static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Returns whether Go's {@code unicode.IsSpace} holds for {@code c}. */
  static boolean isSpace(char c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
        return true;
      default:
        return c > 0xFF && Character.getType(c) == Character.SPACE_SEPARATOR
            || c == '\u2028' || c == '\u2029';
    }
  }
}
