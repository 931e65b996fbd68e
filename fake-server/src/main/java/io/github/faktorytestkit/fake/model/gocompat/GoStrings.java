package io.github.faktorytestkit.fake.model.gocompat;

import java.nio.charset.StandardCharsets;

/** Go's string handling where it differs from Java's: byte-wise truncation, UTF-8 repair and space trimming. */
public final class GoStrings {
  /** The Unicode replacement character U+FFFD that Go substitutes for invalid UTF-8. */
  public static final char REPLACEMENT = '\uFFFD';

  private GoStrings() {}

  /**
   * Returns {@code text} cut to at most {@code maxBytes} UTF-8 bytes as Go's {@code s[0:n]} does. A multi-byte
   * character cut in the middle leaves invalid bytes, which Go's JSON encoder writes as one {@code \ufffd} escape
   * each; they are kept as lone surrogates, which {@link GoJsonWriter} writes the same way.
   */
  public static String truncateBytes(String text, int maxBytes) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    byte[] cut = new byte[maxBytes];
    System.arraycopy(bytes, 0, cut, 0, maxBytes);
    return decodeUtf8(cut, true);
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

  /**
   * Decodes UTF-8 as Go does when it ranges over a string: each byte of an invalid sequence becomes U+FFFD, or with
   * {@code keepInvalid} a lone surrogate standing for the invalid byte.
   */
  static String decodeUtf8(byte[] bytes, boolean keepInvalid) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int size = sequenceLength(bytes, i);
      if (size == 0) {
        out.append(keepInvalid ? (char) (0xDC00 | (bytes[i] & 0xff)) : REPLACEMENT);
        i++;
      } else {
        out.append(new String(bytes, i, size, StandardCharsets.UTF_8));
        i += size;
      }
    }
    return out.toString();
  }

  /** Returns the length of the valid UTF-8 sequence starting at {@code i}, or 0 when it is invalid there. */
  private static int sequenceLength(byte[] b, int i) {
    int lead = b[i] & 0xff;
    if (lead < 0x80) {
      return 1;
    }
    int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (size == 0 || lead > 0xF4 || i + size > b.length) {
      return 0;
    }
    int second = b[i + 1] & 0xff;
    int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < size; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return size;
  }
}
