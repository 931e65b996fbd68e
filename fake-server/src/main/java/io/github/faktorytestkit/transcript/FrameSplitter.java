package io.github.faktorytestkit.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the byte stream one side sends into frames, as a transcript records them: a client's stream into lines (each
 * up to and including its LF), a server's into RESP frames ({@code +}, {@code -}, {@code :} lines ending in CRLF;
 * {@code $n} bulk strings with their content; {@code $-1}). Bytes that cannot start a RESP frame, and everything a
 * server sends after them, are handed out as they arrive ({@link FrameShape#RAW} in the transcript). Incremental:
 * bytes may arrive in any chunking. Not thread-safe: one splitter per direction of a connection.
 */
public final class FrameSplitter {
  private final Side side;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean unframed;

  private FrameSplitter(Side side) {
    this.side = side;
  }

  /** Returns a splitter for the bytes {@code sender} sends. */
  public static FrameSplitter forSender(Side sender) {
    return new FrameSplitter(sender);
  }

  /** Consumes {@code length} bytes from {@code offset}; returns the frames they completed, in order. */
  public List<byte[]> feed(byte[] bytes, int offset, int length) {
    pending.write(bytes, offset, length);
    List<byte[]> frames = new ArrayList<>();
    byte[] buffered = pending.toByteArray();
    int done = 0;
    int end;
    while (done < buffered.length && (end = frameEnd(buffered, done)) > done) {
      frames.add(Arrays.copyOfRange(buffered, done, end));
      done = end;
    }
    pending.reset();
    pending.write(buffered, done, buffered.length - done);
    return frames;
  }

  /** Returns the bytes of an unfinished frame, if any, and forgets them: call it when the stream ends. */
  public Optional<byte[]> finish() {
    byte[] rest = pending.toByteArray();
    pending.reset();
    return rest.length == 0 ? Optional.empty() : Optional.of(rest);
  }

  /** Returns the end of the frame that starts at {@code from}, or {@code from} when it is not complete yet. */
  private int frameEnd(byte[] bytes, int from) {
    if (side == Side.CLIENT) {
      int lf = indexOf(bytes, from, (byte) '\n');
      return lf < 0 ? from : lf + 1;
    }
    if (unframed || "+-:$".indexOf(bytes[from]) < 0) {
      unframed = true;
      return bytes.length;
    }
    int crlf = indexOfCrlf(bytes, from);
    if (crlf < 0) {
      return from;
    }
    if (bytes[from] != '$') {
      return crlf + 2;
    }
    return bulkEnd(bytes, from, crlf);
  }

  private int bulkEnd(byte[] bytes, int from, int crlf) {
    String length = new String(bytes, from + 1, crlf - from - 1, StandardCharsets.ISO_8859_1);
    if (length.equals("-1")) {
      return crlf + 2;
    }
    if (!length.matches("0|[1-9][0-9]{0,9}")) {
      unframed = true;
      return bytes.length;
    }
    long end = crlf + 2 + Long.parseLong(length) + 2;
    return end <= bytes.length ? (int) end : from;
  }

  private static int indexOf(byte[] bytes, int from, byte wanted) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
