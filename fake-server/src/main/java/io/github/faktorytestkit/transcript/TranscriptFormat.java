package io.github.faktorytestkit.transcript;

/** Constants of the text form shared by {@link TranscriptReader} and {@link TranscriptWriter}. */
final class TranscriptFormat {
  /** The first line of every transcript; the number is the format version. */
  static final String MAGIC = "# faktory-transcript 1";
  static final String OPEN = "open";
  static final String CLOSE = "close ";
  static final String RAW = "<~";
  static final String NULL_BULK = "$-1";
  /** How a bulk whose body is exactly {@code -1} is written, so it does not read as {@link #NULL_BULK}. */
  static final String MINUS_ONE_BULK = "$\\x2d1";

  private TranscriptFormat() {}

  /** Returns the type marker of a server frame of {@code shape}. */
  static char typeMarker(FrameShape shape) {
    return switch (shape) {
      case SIMPLE -> '+';
      case ERROR -> '-';
      case INTEGER -> ':';
      case BULK -> '$';
      default -> throw new IllegalArgumentException("shape: " + shape + " (expected: a RESP frame)");
    };
  }

  /** Returns the shape a server frame's type marker stands for. */
  static FrameShape shapeOf(char marker) {
    return switch (marker) {
      case '+' -> FrameShape.SIMPLE;
      case '-' -> FrameShape.ERROR;
      case ':' -> FrameShape.INTEGER;
      case '$' -> FrameShape.BULK;
      default -> throw new IllegalArgumentException("server frame type: " + marker + " (expected: + - : or $)");
    };
  }
}
