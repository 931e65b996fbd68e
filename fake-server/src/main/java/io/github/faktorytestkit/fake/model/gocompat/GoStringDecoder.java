package io.github.faktorytestkit.fake.model.gocompat;

import java.io.ByteArrayOutputStream;

/**
 * Builds the value of a JSON string literal as Go decodes it: raw bytes as UTF-8 with each invalid byte becoming
 * U+FFFD, {@code \\uXXXX} surrogate pairs joined, and a lone surrogate escape becoming U+FFFD. Not thread-safe.
 */
final class GoStringDecoder {
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream rawBytes = new ByteArrayOutputStream();
  private int pendingHighSurrogate = -1;

  void addByte(byte b) {
    flushPendingSurrogate();
    rawBytes.write(b);
  }

  void addChar(char c) {
    flushRawBytes();
    flushPendingSurrogate();
    text.append(c);
  }

  void addEscape(int unit) {
    flushRawBytes();
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
    flushRawBytes();
    flushPendingSurrogate();
    return text.toString();
  }

  private void flushRawBytes() {
    if (rawBytes.size() > 0) {
      text.append(GoUtf8.decodeReplacing(rawBytes.toByteArray()));
      rawBytes.reset();
    }
  }

  private void flushPendingSurrogate() {
    if (pendingHighSurrogate >= 0) {
      text.append(GoStrings.REPLACEMENT);
      pendingHighSurrogate = -1;
    }
  }
}
