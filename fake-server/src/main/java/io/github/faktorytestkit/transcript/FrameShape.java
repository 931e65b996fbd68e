package io.github.faktorytestkit.transcript;

/**
 * How a frame's body becomes bytes on the wire. A client frame is always a {@link #LINE}; a server frame is one of
 * the RESP shapes, or {@link #RAW} for bytes that are not one whole RESP frame (a frame cut off by a close, or
 * malformed bytes).
 */
public enum FrameShape {
  /** A client line: the body is the exact bytes, its terminator ({@code \r\n} or {@code \n}) included. */
  LINE,
  /** {@code +body\r\n}. */
  SIMPLE,
  /** {@code -body\r\n}. */
  ERROR,
  /** {@code :body\r\n}. */
  INTEGER,
  /** {@code $<length of body>\r\nbody\r\n}: the length is implied by the body. */
  BULK,
  /** {@code $-1\r\n}; the body is empty. */
  NULL_BULK,
  /** Server bytes that are not one whole RESP frame: the body is the exact bytes. */
  RAW
}
