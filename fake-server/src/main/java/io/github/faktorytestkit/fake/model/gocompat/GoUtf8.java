package io.github.faktorytestkit.fake.model.gocompat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go strings (any bytes) as Java strings, losslessly, and UTF-8 walked exactly as Go's {@code utf8.DecodeRune}
 * walks it: every byte that does not start a valid, shortest-form, non-surrogate sequence is invalid on its own (so
 * {@code ED A0 80} is three invalid bytes, where Java's decoder sees one).
 *
 * <p>{@link #decode} keeps an invalid byte {@code b} as the lone surrogate {@code U+DC00+b} (an <em>escaped
 * byte</em>, Python's "surrogateescape"); valid UTF-8 never yields a lone surrogate, so {@link #encode} gives the
 * bytes back exactly, and a valid name maps to the same Java string as its JSON-decoded form. What Go does with an
 * invalid byte, each consumer of such a string does with an escaped byte: a reply carries the byte itself
 * ({@link #encode}), Go's JSON decoder and {@code strings.Map} see U+FFFD ({@link #repair}), {@code json.Marshal}
 * writes {@code \ufffd} ({@link GoJsonWriter}) and {@code %q} writes {@code \xff} ({@link GoQuote}).
 */
public final class GoUtf8 {
  private static final char ESCAPE_BASE = '\uDC00';
  private static final byte[] REPLACEMENT_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private GoUtf8() {}

  /** The text of {@code length} bytes of {@code bytes} from {@code start}, each invalid byte an escaped byte. */
  public static String decode(byte[] bytes, int start, int length) {
    return decode(bytes, start, length, true);
  }

  /** The text of {@code bytes} as Go ranges over it: each invalid byte one U+FFFD. */
  public static String decodeReplacing(byte[] bytes) {
    return decodeReplacing(bytes, 0, bytes.length);
  }

  /** The text of {@code length} bytes of {@code bytes} from {@code start}, each invalid byte one U+FFFD. */
  public static String decodeReplacing(byte[] bytes, int start, int length) {
    return decode(bytes, start, length, false);
  }

  /**
   * The bytes of {@code text}: UTF-8, each escaped byte as the byte it stands for, any other lone surrogate (which no
   * Go string holds) as U+FFFD, as Go's {@code utf8.EncodeRune} writes a surrogate.
   */
  public static byte[] encode(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (isPlainAscii(utf8, text.length()) || !hasLoneSurrogate(text)) {
      return utf8;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isLoneSurrogate(text, i)) {
        out.writeBytes(text.substring(from, i).getBytes(StandardCharsets.UTF_8));
        char c = text.charAt(i);
        if (isEscapedByte(c)) {
          out.write(c - ESCAPE_BASE);
        } else {
          out.writeBytes(REPLACEMENT_BYTES);
        }
        from = i + 1;
      } else if (Character.isHighSurrogate(text.charAt(i))) {
        i++;
      }
    }
    out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Returns {@code text} with each escaped byte (and lone surrogate) as U+FFFD, as Go's {@code strings.Map} makes it. */
  public static String repair(String text) {
    if (!hasLoneSurrogate(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(isLoneSurrogate(text, i) ? GoStrings.REPLACEMENT : c);
    }
    return out.toString();
  }

  /** Returns whether {@code c} is an escaped byte: a low surrogate standing for an invalid byte 0x80 to 0xFF. */
  public static boolean isEscapedByte(char c) {
    return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF;
  }

  /** Returns whether {@code text} holds an escaped byte, i.e. stands for bytes that are not valid UTF-8. */
  public static boolean hasEscapedByte(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscapedByte(text.charAt(i)) && isLoneSurrogate(text, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code utf8}, the JDK's UTF-8 of a text of {@code length} chars, shows the text to be ASCII alone: a
   * byte per char, and no {@code '?'}, which is what the JDK writes for a lone surrogate. (A scan of bytes, not of
   * chars: most replies and payloads are ASCII.)
   */
  private static boolean isPlainAscii(byte[] utf8, int length) {
    if (utf8.length != length) {
      return false;
    }
    for (byte b : utf8) {
      if (b == '?') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i)) && isLoneSurrogate(text, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the char at {@code i} is a surrogate that is not half of a pair. */
  static boolean isLoneSurrogate(CharSequence text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** Decodes into one char array (a byte yields at most one char, a four-byte sequence two); ASCII goes straight. */
  private static String decode(byte[] bytes, int start, int length, boolean keepInvalid) {
    int end = start + length;
    int i = asciiEnd(bytes, start, end);
    if (i == end) {
      return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }
    char[] out = new char[length];
    int n = 0;
    for (int k = start; k < i; k++) {
      out[n++] = (char) bytes[k];
    }
    while (i < end) {
      if (bytes[i] >= 0) {
        out[n++] = (char) bytes[i++];
        continue;
      }
      int size = validSize(bytes, i, end);
      if (size == 0) {
        out[n++] = keepInvalid ? (char) (ESCAPE_BASE + (bytes[i] & 0xFF)) : GoStrings.REPLACEMENT;
        i++;
      } else {
        n += Character.toChars(codePoint(bytes, i, size), out, n);
        i += size;
      }
    }
    return new String(out, 0, n);
  }

  private static int asciiEnd(byte[] bytes, int start, int end) {
    int i = start;
    while (i < end && bytes[i] >= 0) {
      i++;
    }
    return i;
  }

  private static int validSize(byte[] b, int i, int end) {
    int first = b[i] & 0xFF;
    if (first < 0x80) {
      return 1;
    }
    int size = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3 : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
    if (size == 0 || i + size > end) {
      return 0;
    }
    int second = b[i + 1] & 0xFF;
    if (second < secondLow(first) || second > secondHigh(first)) {
      return 0;
    }
    for (int k = 2; k < size; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return size;
  }

  private static int secondLow(int first) {
    return first == 0xE0 ? 0xA0 : first == 0xF0 ? 0x90 : 0x80;
  }

  private static int secondHigh(int first) {
    return first == 0xED ? 0x9F : first == 0xF4 ? 0x8F : 0xBF;
  }

  private static int codePoint(byte[] b, int i, int size) {
    if (size == 1) {
      return b[i];
    }
    int cp = b[i] & (0xFF >> (size + 1));
    for (int k = 1; k < size; k++) {
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    return cp;
  }
}
