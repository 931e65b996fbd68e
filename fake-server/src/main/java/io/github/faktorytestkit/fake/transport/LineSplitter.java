package io.github.faktorytestkit.fake.transport;

/**
 * The framing rules of the fake, free of any socket library: splits a byte stream into lines the way real Faktory
 * reads them, up to LF, an optional CR before it stripped, whatever the line starts with (a line starting with
 * {@code + - : $ *} is a command, never a RESP frame). Both transports frame with it: Netty's {@link LineFramer} and
 * the selector loop of the connections accepted before Netty was ready ({@link EarlyConnection}). Each
 * {@link #next(Input)} yields:
 * <ul>
 *   <li>the next complete line as a {@link String} (empty for an empty line), decoded losslessly as Go walks UTF-8
 *       (each invalid byte kept as an escaped byte, since real Faktory keeps the line's raw bytes);
 *   <li>{@link LineTooLong} once, for the first line longer than the limit, after which all input is discarded;
 *   <li>null when the input holds no complete line.
 * </ul>
 * The limit is checked on complete and on partial lines alike, so whatever the split of the input, the same
 * sequence results. Not thread-safe: one per connection.
 */
final class LineSplitter {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  /** The bytes received and not yet framed: indexes from {@link #readerIndex()} to {@link #writerIndex()}. */
  interface Input {
    /** Returns the index of the first unframed byte. */
    int readerIndex();

    /** Returns the index after the last received byte. */
    int writerIndex();

    /** Marks the bytes before {@code index} as framed. */
    void readerIndex(int index);

    /** Returns the index of the first {@code value} from {@code from} (inclusive) to {@code to}, or -1. */
    int indexOf(int from, int to, byte value);

    /** Returns the byte at {@code index}. */
    byte getByte(int index);

    /** Returns the {@code length} bytes from {@code index} as Go text ({@code GoUtf8.decode}). */
    String text(int index, int length);
  }

  private final int maxLineLength;
  /** Bytes after the reader index already known to hold no LF: each byte is scanned once. */
  private int scanned;
  private boolean discarding;

  /** Creates a splitter accepting lines of at most {@code maxLineLength} bytes, terminator excluded. */
  LineSplitter(int maxLineLength) {
    this.maxLineLength = maxLineLength;
  }

  /** Returns the next line or {@link LineTooLong} framed from {@code in}, consuming it, or null for none yet. */
  Object next(Input in) {
    if (!discarding && in.writerIndex() > in.readerIndex()) {
      int lf = in.indexOf(in.readerIndex() + scanned, in.writerIndex(), LF);
      if (lf >= 0) {
        scanned = 0;
        return line(in, lf);
      }
      scanned = in.writerIndex() - in.readerIndex();
      // a pending trailing CR may still turn out to be part of the terminator
      if (scanned > maxLineLength + 1) {
        return tooLong(in);
      }
    }
    if (discarding) {
      in.readerIndex(in.writerIndex());
    }
    return null;
  }

  private Object line(Input in, int lf) {
    int start = in.readerIndex();
    int end = lf > start && in.getByte(lf - 1) == CR ? lf - 1 : lf;
    int length = end - start;
    if (length > maxLineLength) {
      return tooLong(in);
    }
    String line = length == 0 ? "" : in.text(start, length);
    in.readerIndex(lf + 1);
    return line;
  }

  private LineTooLong tooLong(Input in) {
    discarding = true;
    in.readerIndex(in.writerIndex());
    return new LineTooLong(maxLineLength);
  }
}
