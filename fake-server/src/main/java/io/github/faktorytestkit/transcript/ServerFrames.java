package io.github.faktorytestkit.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Classifies the bytes of one server frame into a {@link FrameShape} and a body. Stateless. */
public final class ServerFrames {
  static final byte[] CRLF = {'\r', '\n'};
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern LENGTH = Pattern.compile("0|[1-9][0-9]{0,9}");

  private ServerFrames() {}

  /**
   * Returns the shape of {@code bytes} when they are exactly one well-formed RESP frame ({@code +}, {@code -},
   * {@code :}, {@code $n}, {@code $-1}), else {@link FrameShape#RAW}.
   */
  public static FrameShape shapeOf(byte[] bytes) {
    if (bytes.length < 3 || bytes[bytes.length - 2] != '\r' || bytes[bytes.length - 1] != '\n') {
      return FrameShape.RAW;
    }
    return switch (bytes[0]) {
      case '+' -> singleLine(bytes) ? FrameShape.SIMPLE : FrameShape.RAW;
      case '-' -> singleLine(bytes) ? FrameShape.ERROR : FrameShape.RAW;
      case ':' -> singleLine(bytes) && INTEGER.matcher(ascii(bytes, 1, bytes.length - 2)).matches()
          ? FrameShape.INTEGER : FrameShape.RAW;
      case '$' -> bulkShape(bytes);
      default -> FrameShape.RAW;
    };
  }

  /** Returns the body of {@code bytes} for {@code shape}: what a transcript writes after the type marker. */
  public static byte[] bodyOf(FrameShape shape, byte[] bytes) {
    return switch (shape) {
      case LINE, RAW -> bytes.clone();
      case SIMPLE, ERROR, INTEGER -> Arrays.copyOfRange(bytes, 1, bytes.length - 2);
      case NULL_BULK -> new byte[0];
      case BULK -> Arrays.copyOfRange(bytes, indexOfCrlf(bytes) + 2, bytes.length - 2);
    };
  }

  private static FrameShape bulkShape(byte[] bytes) {
    int crlf = indexOfCrlf(bytes);
    String length = ascii(bytes, 1, crlf);
    if (length.equals("-1")) {
      return crlf + 2 == bytes.length ? FrameShape.NULL_BULK : FrameShape.RAW;
    }
    if (!LENGTH.matcher(length).matches()) {
      return FrameShape.RAW;
    }
    long declared = Long.parseLong(length);
    return crlf + 2 + declared + 2 == bytes.length ? FrameShape.BULK : FrameShape.RAW;
  }

  /** A simple line: exactly one CR and one LF, at the end. */
  private static boolean singleLine(byte[] bytes) {
    for (int i = 1; i < bytes.length - 2; i++) {
      if (bytes[i] == '\r' || bytes[i] == '\n') {
        return false;
      }
    }
    return true;
  }

  private static int indexOfCrlf(byte[] bytes) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  private static String ascii(byte[] bytes, int from, int to) {
    return from >= to ? "" : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
