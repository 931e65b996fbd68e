package io.github.faktorytestkit.fake.model.gocompat;

/**
 * Decodes bytes to text exactly as Go's {@code utf8.DecodeRune} walks them: every byte that does not start a valid,
 * shortest-form, non-surrogate sequence becomes one U+FFFD (so {@code ED A0 80} is three, where Java's decoder makes
 * one).
 */
public final class GoUtf8 {
  private GoUtf8() {}

  /** The text of {@code length} bytes of {@code bytes} from {@code start}, invalid bytes one U+FFFD each. */
  public static String decode(byte[] bytes, int start, int length) {
    StringBuilder out = new StringBuilder(length);
    int i = start;
    int end = start + length;
    while (i < end) {
      int size = validSize(bytes, i, end);
      if (size == 0) {
        out.append(GoStrings.REPLACEMENT);
        i++;
      } else {
        out.appendCodePoint(codePoint(bytes, i, size));
        i += size;
      }
    }
    return out.toString();
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
