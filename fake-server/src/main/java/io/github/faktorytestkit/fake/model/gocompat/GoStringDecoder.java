package io.github.faktorytestkit.fake.model.gocompat;

/**
 * Builds the value of a JSON string literal as Go decodes it: raw bytes as UTF-8 with each invalid byte becoming
 * U+FFFD, {@code \\uXXXX} surrogate pairs joined, and a lone surrogate escape becoming U+FFFD. Raw bytes come in
 * runs (all the bytes between two escapes), each decoded at once. Not thread-safe.
 */
final class GoStringDecoder {
  private final StringBuilder text = new StringBuilder();
  private int pendingHighSurrogate = -1;

  /** Adds the {@code length} raw bytes of {@code bytes} from {@code start}: a whole run between escapes. */
  void addBytes(byte[] bytes, int start, int length) {
    flushPendingSurrogate();
    text.append(GoUtf8.decodeReplacing(bytes, start, length));
  }

  void addChar(char c) {
    flushPendingSurrogate();
    text.append(c);
  }

  void addEscape(int unit) {
    if (pendingHighSurrogate >= 0 && Character.isLowSurrogate((char) unit)) {
      text.append((char) pendingHighSurrogate).append((char) unit);
      pendingHighSurrogate = -1;
      return;
    }
    flushPendingSurrogate();
    if (Character.isHighSurrogate((char) unit)) {
      pendingHighSurrogate = unit;
    } else {
      text.append(Character.isLowSurrogate((char) unit) ? GoStrings.REPLACEMENT : (char) unit);
    }
  }

  String finish() {
    flushPendingSurrogate();
    return text.toString();
  }

  private void flushPendingSurrogate() {
    if (pendingHighSurrogate >= 0) {
      text.append(GoStrings.REPLACEMENT);
      pendingHighSurrogate = -1;
    }
  }
}
