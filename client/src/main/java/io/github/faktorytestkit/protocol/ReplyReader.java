package io.github.faktorytestkit.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the frames a Faktory server sends ({@code +simple}, {@code -error}, {@code $bulk}, {@code $-1},
 * {@code :integer}) from bytes delivered in any chunking.
 *
 * <p>A pure, incremental state machine: {@link #feed} takes whatever bytes arrived and {@link #next} hands out the
 * complete replies; {@link #read(InputStream)} blocks until one reply has arrived and never consumes a byte past
 * its end. Lines must end in CRLF. A declared bulk length is checked against a limit before any content is
 * buffered, and memory grows only with bytes actually received. The first malformed byte ends the reader with a
 * {@link MalformedReplyException}; a failed reader refuses further use.
 *
 * <p>Not thread-safe: one reader per connection, used by one thread at a time.
 */
public final class ReplyReader {
  /** The default limit on a simple string or error line: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
  /** The default limit on a bulk string's declared length: 64 MiB. */
  public static final int DEFAULT_MAX_BULK_BYTES = 64 << 20;

  private static final int MAX_NUMBER_LINE = 20;
  private static final int ECHO_LIMIT = 96;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern LENGTH = Pattern.compile("-1|[0-9]{1,10}");

  private enum State { TYPE, LINE, LINE_LF, BODY, BODY_CR, BODY_LF }

  private final int maxLineBytes;
  private final int maxBulkBytes;
  private final ArrayDeque<Reply> ready = new ArrayDeque<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final ByteArrayOutputStream echo = new ByteArrayOutputStream();
  private final byte[] scratch = new byte[8192];
  private State state = State.TYPE;
  private byte type;
  private int bodyRemaining;
  private long frameBytes;
  private byte lastByte;
  private MalformedReplyException failure;

  /** Creates a reader with the default limits. */
  public ReplyReader() {
    this(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_BULK_BYTES);
  }

  /**
   * Creates a reader that rejects lines over {@code maxLineBytes} and bulk strings declared over
   * {@code maxBulkBytes}.
   */
  public ReplyReader(int maxLineBytes, int maxBulkBytes) {
    if (maxLineBytes < 1 || maxBulkBytes < 0) {
      throw new IllegalArgumentException(
          "limits: " + maxLineBytes + ", " + maxBulkBytes + " (expected: maxLineBytes >= 1, maxBulkBytes >= 0)");
    }
    this.maxLineBytes = maxLineBytes;
    this.maxBulkBytes = maxBulkBytes;
  }

  /**
   * Consumes {@code bytes}; complete replies become available from {@link #next}.
   *
   * @throws MalformedReplyException at the first byte that cannot belong to a valid frame
   * @throws IllegalStateException when the reader failed earlier
   */
  public void feed(byte[] bytes) throws MalformedReplyException {
    feed(bytes, 0, bytes.length);
  }

  /** Consumes {@code length} bytes of {@code bytes} from {@code offset}; see {@link #feed(byte[])}. */
  public void feed(byte[] bytes, int offset, int length) throws MalformedReplyException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireUsable();
    int done = 0;
    while (done < length) {
      done += consume(bytes, offset + done, length - done);
    }
  }

  /** Returns the oldest complete reply not yet handed out, or empty when none is complete. */
  public Optional<Reply> next() {
    return Optional.ofNullable(ready.poll());
  }

  /** Returns whether part of a frame has been consumed but the frame is not complete yet. */
  public boolean inFrame() {
    return state != State.TYPE;
  }

  /**
   * Returns the next reply, reading from {@code in} only as many bytes as the frame needs. Blocks as {@code in}
   * blocks. Header lines are read a byte at a time, so pass a buffered stream.
   *
   * @throws EOFException when the stream ends before the first byte of a frame
   * @throws MalformedReplyException when the bytes are not a valid frame, including a stream that ends inside one
   * @throws IOException when {@code in} fails
   */
  public Reply read(InputStream in) throws IOException {
    Reply queued = ready.poll();
    if (queued != null) {
      return queued;
    }
    requireUsable();
    while (ready.isEmpty()) {
      int wanted = state == State.BODY ? Math.min(bodyRemaining, scratch.length) : 1;
      int count = in.read(scratch, 0, wanted);
      if (count < 0) {
        throw endOfStream();
      }
      consume(scratch, 0, count);
    }
    return ready.poll();
  }

  private int consume(byte[] bytes, int offset, int length) throws MalformedReplyException {
    int used = 0;
    while (used < length) {
      if (state == State.BODY) {
        used += consumeBody(bytes, offset + used, length - used);
      } else {
        byte b = bytes[offset + used++];
        remember(b);
        if (step(b)) {
          return used;
        }
      }
    }
    return used;
  }

  private int consumeBody(byte[] bytes, int offset, int length) {
    int count = Math.min(bodyRemaining, length);
    body.write(bytes, offset, count);
    remember(bytes, offset, count);
    bodyRemaining -= count;
    if (bodyRemaining == 0) {
      state = State.BODY_CR;
    }
    return count;
  }

  /** Advances the state machine by one byte; returns true when the byte completed a frame. */
  private boolean step(byte b) throws MalformedReplyException {
    switch (state) {
      case TYPE -> startFrame(b);
      case LINE -> appendToLine(b);
      case LINE_LF -> {
        expect(b, '\n', "CR not followed by LF");
        return finishLine();
      }
      case BODY_CR -> {
        expect(b, '\r', "bulk string longer than its declared length");
        state = State.BODY_LF;
      }
      case BODY_LF -> {
        expect(b, '\n', "bulk string not ended by CRLF");
        return complete(new Reply.BulkString(body.toString(StandardCharsets.UTF_8)));
      }
      default -> throw new IllegalStateException("state: " + state);
    }
    return false;
  }

  private void startFrame(byte b) throws MalformedReplyException {
    if (b != '+' && b != '-' && b != '$' && b != ':') {
      throw fail("unexpected type byte (expected: one of + - $ :)");
    }
    type = b;
    state = State.LINE;
  }

  private void appendToLine(byte b) throws MalformedReplyException {
    if (b == '\r') {
      state = State.LINE_LF;
      return;
    }
    if (b == '\n') {
      throw fail("line ended by LF without CR");
    }
    int limit = type == '+' || type == '-' ? maxLineBytes : MAX_NUMBER_LINE;
    if (line.size() >= limit) {
      throw fail("line longer than " + limit + " bytes");
    }
    line.write(b);
  }

  private boolean finishLine() throws MalformedReplyException {
    String text = line.toString(StandardCharsets.UTF_8);
    return switch (type) {
      case '+' -> complete(new Reply.SimpleString(text));
      case '-' -> complete(new Reply.ErrorReply(text));
      case ':' -> complete(new Reply.IntegerReply(parseInteger(text)));
      default -> startBody(parseLength(text));
    };
  }

  private boolean startBody(int length) {
    if (length < 0) {
      return complete(Reply.NULL_BULK);
    }
    bodyRemaining = length;
    body.reset();
    state = length == 0 ? State.BODY_CR : State.BODY;
    return false;
  }

  private long parseInteger(String text) throws MalformedReplyException {
    if (INTEGER.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException outOfRange) {
        // reported below, like any other bad integer
      }
    }
    throw fail("integer not a 64-bit decimal number");
  }

  private int parseLength(String text) throws MalformedReplyException {
    if (!LENGTH.matcher(text).matches()) {
      throw fail("bulk length not -1 or a decimal number");
    }
    long length = Long.parseLong(text);
    if (length > maxBulkBytes) {
      throw fail("bulk length " + length + " over the limit of " + maxBulkBytes + " bytes");
    }
    return (int) length;
  }

  private void expect(byte actual, char expected, String problem) throws MalformedReplyException {
    if (actual != expected) {
      throw fail(problem);
    }
  }

  private boolean complete(Reply reply) {
    ready.add(reply);
    state = State.TYPE;
    line.reset();
    body.reset();
    echo.reset();
    frameBytes = 0;
    return true;
  }

  private void remember(byte b) {
    frameBytes++;
    lastByte = b;
    if (echo.size() < ECHO_LIMIT) {
      echo.write(b);
    }
  }

  /** Remembers a run of body bytes at once: a bulk string may be megabytes long. */
  private void remember(byte[] bytes, int offset, int count) {
    if (count == 0) {
      return;
    }
    frameBytes += count;
    lastByte = bytes[offset + count - 1];
    echo.write(bytes, offset, Math.min(count, ECHO_LIMIT - echo.size()));
  }

  private IOException endOfStream() throws MalformedReplyException {
    if (state == State.TYPE) {
      return new EOFException("end of stream before a reply");
    }
    return fail("stream ended inside the frame after " + frameBytes + " bytes");
  }

  private MalformedReplyException fail(String problem) {
    String shown = Escaping.escape(echo.toByteArray());
    if (frameBytes > ECHO_LIMIT) {
      shown += "... " + Escaping.escape(new byte[] {lastByte}) + " at byte " + frameBytes;
    }
    failure = new MalformedReplyException(problem, shown);
    return failure;
  }

  private void requireUsable() {
    if (failure != null) {
      throw new IllegalStateException("reader failed earlier (expected: a new ReplyReader)", failure);
    }
  }
}
