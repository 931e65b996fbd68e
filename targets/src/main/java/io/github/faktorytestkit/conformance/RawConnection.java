package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.protocol.MalformedReplyException;
import io.github.faktorytestkit.protocol.ReplyReader;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.transcript.CaptureLog;
import io.github.faktorytestkit.transcript.FrameSplitter;
import io.github.faktorytestkit.transcript.Side;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A raw protocol connection for wire-level comparisons: sends each line exactly as given (no handshake of its own,
 * no validation) and reads back one frame. Plain TCP only. Refuses lines that crash Faktory 1.9.4. Opened with a
 * {@link CaptureLog}, it logs what crossed the wire: its opening, the exact bytes of each line sent and frame
 * received, and each side's close. Not thread-safe.
 */
public final class RawConnection implements AutoCloseable {
  /** How long {@link #greeting()} and {@link #send(String)} wait for a frame. */
  public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

  private final Socket socket;
  private final RecordingInput in;
  private final OutputStream out;
  private final ReplyReader reader = new ReplyReader();
  private final CaptureLog log;
  private final String name;
  private final FrameSplitter written = FrameSplitter.forSender(Side.CLIENT);
  private boolean ended;
  private boolean outputShut;

  private RawConnection(Socket socket, CaptureLog log) throws IOException {
    this.socket = socket;
    this.log = log;
    this.name = log == null ? null : log.open();
    this.in = new RecordingInput(new BufferedInputStream(socket.getInputStream()));
    this.out = socket.getOutputStream();
  }

  /** Connects to the host and port of {@code url}; blocks up to 5 s. */
  public static RawConnection open(URI url) {
    return open(url, null);
  }

  /** Connects to the host and port of {@code url}, logging into {@code log} (none when null); blocks up to 5 s. */
  public static RawConnection open(URI url, CaptureLog log) {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      socket.setSoTimeout((int) REPLY_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      return new RawConnection(socket, log);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new UncheckedIOException("cannot connect to " + url.getHost() + ":" + url.getPort(), e);
    }
  }

  /** Reads the frame the server sends on its own when the connection opens (HI). */
  public WireAnswer greeting() {
    return receive();
  }

  /**
   * Reads the next frame the server sends without being asked, or the event that comes instead: {@link WireAnswer#CLOSED}
   * when the server closes the connection, a timeout event when nothing arrives within {@link #REPLY_TIMEOUT}.
   */
  public WireAnswer listen() {
    return receive();
  }

  /**
   * Sends {@code line} (UTF-8) and returns what came back; see {@link #send(byte[])}.
   *
   * @throws IllegalArgumentException when the line would crash Faktory 1.9.4 (a bare PUSH, ACK, QUEUE, ...)
   */
  public WireAnswer send(String line) {
    return send(line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the bytes of {@code line} and returns what came back. CRLF is appended unless {@code line} already ends in
   * LF (so {@code "INFO\n"} goes out with a bare LF). After an event the connection is over: later calls return
   * {@link WireAnswer#CLOSED} without sending.
   *
   * @throws IllegalArgumentException when the line would crash Faktory 1.9.4 (a bare PUSH, ACK, QUEUE, ...)
   */
  public WireAnswer send(byte[] line) {
    byte[] wire = safeWire(line);
    if (ended) {
      return WireAnswer.CLOSED;
    }
    try {
      out.write(wire);
      out.flush();
    } catch (IOException e) {
      ended = true;
      return WireAnswer.CLOSED;
    }
    logFrame(Side.CLIENT, wire);
    return receive();
  }

  /**
   * Writes {@code stream}, any bytes, in TCP writes of the given {@code chunkSizes} (cycled; each write flushed, with
   * Nagle off) and does not wait for replies: read them with {@link #listen()}. A stream whose lines, split at LF as
   * the server splits them, include one that would crash Faktory 1.9.4 is refused before anything is written.
   *
   * @return false when the server had closed the connection before everything was written
   * @throws IllegalArgumentException when a line would crash Faktory 1.9.4, or a chunk size is not positive
   */
  public boolean write(byte[] stream, List<Integer> chunkSizes) {
    safeStream(stream);
    if (chunkSizes.isEmpty() || chunkSizes.stream().anyMatch(size -> size <= 0)) {
      throw new IllegalArgumentException("chunkSizes: " + chunkSizes + " (expected: positive sizes)");
    }
    try {
      for (int from = 0, chunk = 0; from < stream.length; chunk++) {
        int length = Math.min(chunkSizes.get(chunk % chunkSizes.size()), stream.length - from);
        out.write(stream, from, length);
        out.flush();
        logWritten(stream, from, length);
        from += length;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Closes the sending half: the server reads the end of the stream; replies can still be read. */
  public void shutdownOutput() {
    written.finish().ifPresent(line -> logFrame(Side.CLIENT, line));
    logClientClose();
    try {
      socket.shutdownOutput();
    } catch (IOException ignored) {
      // already closed: reading tells
    }
  }

  /** Reads every frame until the server closes the connection or nothing arrives in time; the last is the event. */
  public List<WireAnswer> listenUntilEnd() {
    List<WireAnswer> answers = new ArrayList<>();
    WireAnswer answer;
    do {
      answer = listen();
      answers.add(answer);
    } while (answer.reply() != null);
    return answers;
  }

  /**
   * Checks every line of {@code stream}, split after each LF as the server reads it (a last line without LF is never
   * processed), and returns the stream.
   *
   * @throws IllegalArgumentException when a line would crash Faktory 1.9.4
   */
  static byte[] safeStream(byte[] stream) {
    for (int from = 0, lf; (lf = indexOf(stream, (byte) '\n', from)) >= 0; from = lf + 1) {
      safeWire(Arrays.copyOfRange(stream, from, lf + 1));
    }
    return stream;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the wire bytes of {@code line} ({@link #terminated}).
   *
   * @throws IllegalArgumentException when the line would crash Faktory 1.9.4
   */
  static byte[] safeWire(byte[] line) {
    byte[] wire = terminated(line);
    if (crashesFaktory194(wire)) {
      throw new IllegalArgumentException("line: " + Escaping.escape(line) + " (expected: a line that does not"
          + " crash Faktory 1.9.4)");
    }
    return wire;
  }

  /** Returns {@code line} as it goes on the wire: with CRLF appended unless it ends in LF already. */
  static byte[] terminated(byte[] line) {
    if (line.length > 0 && line[line.length - 1] == '\n') {
      return line;
    }
    byte[] wire = Arrays.copyOf(line, line.length + 2);
    wire[line.length] = '\r';
    wire[line.length + 1] = '\n';
    return wire;
  }

  /** Returns whether the terminated line {@code wire} would crash Faktory 1.9.4 as the server splits it. */
  static boolean crashesFaktory194(byte[] wire) {
    int end = wire.length;
    if (end > 0 && wire[end - 1] == '\n') {
      end -= end > 1 && wire[end - 2] == '\r' ? 2 : 1;
    }
    String text = new String(wire, 0, end, StandardCharsets.UTF_8);
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return false;
    }
    try {
      return CommandLine.parse(text).crashesFaktory194();
    } catch (IllegalArgumentException unknownVerb) {
      return false;
    }
  }

  private WireAnswer receive() {
    if (ended) {
      return WireAnswer.CLOSED;
    }
    try {
      in.take();
      Reply reply = reader.read(in);
      byte[] frame = in.take();
      logFrame(Side.SERVER, frame);
      return WireAnswer.frame(reply, frame);
    } catch (EOFException | SocketException e) {
      logFrame(Side.SERVER, in.take());
      logClose(Side.SERVER);
      return end(WireAnswer.CLOSED);
    } catch (SocketTimeoutException e) {
      return end(WireAnswer.event("no reply within " + REPLY_TIMEOUT.toSeconds() + " s"));
    } catch (MalformedReplyException e) {
      logFrame(Side.SERVER, in.take());
      return end(WireAnswer.event("malformed: " + e.getMessage()));
    } catch (IOException e) {
      return end(WireAnswer.event("read failed: " + e));
    }
  }

  /** Keeps the bytes read since the last {@link #take()}: {@link ReplyReader} reads exactly one frame's bytes. */
  private static final class RecordingInput extends FilterInputStream {
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();

    RecordingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        taken.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = super.read(buffer, offset, length);
      if (count > 0) {
        taken.write(buffer, offset, count);
      }
      return count;
    }

    byte[] take() {
      byte[] bytes = taken.toByteArray();
      taken.reset();
      return bytes;
    }
  }

  /** Logs the lines the bytes just written completed; without a log, skips the splitting (it copies all pending). */
  private void logWritten(byte[] stream, int from, int length) {
    if (log != null) {
      written.feed(stream, from, length).forEach(line -> logFrame(Side.CLIENT, line));
    }
  }

  private void logFrame(Side sender, byte[] bytes) {
    if (log != null && bytes.length > 0) {
      log.frame(name, sender, bytes);
    }
  }

  private void logClose(Side side) {
    if (log != null) {
      log.close(name, side);
    }
  }

  private void logClientClose() {
    if (!outputShut) {
      outputShut = true;
      logClose(Side.CLIENT);
    }
  }

  private WireAnswer end(WireAnswer answer) {
    ended = true;
    return answer;
  }

  /** Closes the socket (logged as the client's close). Idempotent. */
  @Override
  public void close() {
    if (!socket.isClosed()) {
      logClientClose();
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
