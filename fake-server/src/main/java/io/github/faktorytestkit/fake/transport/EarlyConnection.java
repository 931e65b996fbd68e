package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.protocol.Reply;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A connection accepted while Netty was not ready yet (the first connections of a cold JVM), served for its whole
 * life by a thread of its own on a blocking JDK socket, so that it waits for none of Netty's class loading. It has
 * the semantics of {@link SessionHandler} and {@link LineFramer}: the same framing ({@link LineSplitter}), one line
 * at a time in order, a pending stage (a waiting FETCH) answered before the next line, replies as
 * {@link ReplyFrame}s, raw bytes, closes, and a client that shuts down its sending side gets every answer, then the
 * close. Lines are read as they are needed rather than ahead, as real Faktory reads; a closed peer is noticed when
 * the next line is read or a reply written (on Netty too a waiting FETCH keeps its connection until it is answered).
 *
 * <p>The connection's thread does all reading and writing; a stage completed on another thread (a clock advance,
 * another connection's PUSH) only wakes it. {@link #close()} may come from any thread.
 */
final class EarlyConnection implements ClientConnection, LineSplitter.Input {
  private static final int INITIAL_BUFFER = 16 * 1024;
  private static final int WRITE_CHUNK = 64 * 1024;
  /** How many reads of input that arrived are discarded before a close, as Netty's read loop does at most. */
  private static final int DISCARDED_READS = 16;

  private final SocketChannel socket;
  private final int index;
  private final int maxLineLength;
  private final LineSplitter splitter;
  private final Runnable greeted;
  private final Consumer<EarlyConnection> onEnd;
  private final Thread thread;
  private byte[] input = new byte[INITIAL_BUFFER];
  private int reader;
  private int writer;
  private byte[] output = new byte[INITIAL_BUFFER];
  private int written;
  private ServerSession session;
  /** The current stage's result, guarded by this. */
  private Outcome answer;
  private Throwable failure;
  private boolean answered;
  private boolean closing;

  /**
   * Creates the connection of {@code socket} (blocking), to be served by {@link #start()} on a thread of its own;
   * {@code greeted} runs on that thread once the greeting is written, {@code onEnd} once the connection is closed
   * and the session told.
   */
  EarlyConnection(SocketChannel socket, int index, int maxLineLength, SessionFactory sessions, Runnable greeted,
      Consumer<EarlyConnection> onEnd) {
    this.socket = socket;
    this.index = index;
    this.maxLineLength = maxLineLength;
    this.splitter = new LineSplitter(maxLineLength);
    this.greeted = greeted;
    this.onEnd = onEnd;
    this.thread = new Thread(null, () -> run(sessions), "faktory-fake-early-" + index, SharedEventLoop.STACK_BYTES);
    thread.setDaemon(true);
  }

  /** Starts serving: opens the session and greets, on the connection's own daemon thread. */
  void start() {
    thread.start();
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void close() {
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    closeSocket();
  }

  /** Waits until the connection's thread has ended; returns at once on that thread itself. */
  void awaitEnd() {
    if (Thread.currentThread() == thread) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(SessionFactory sessions) {
    try {
      session = sessions.open(this);
      append(session.greeting());
      flush();
      greeted.run();
      serve();
      flush();
      discardArrivedInput();
    } catch (IOException | RuntimeException e) {
      // the peer reset, close() was called, or the session threw (logged as SessionHandler logs it)
      LoggerFactory.getLogger(EarlyConnection.class).debug("Closing connection {} after an error", index, e);
      flushQuietly();
    } finally {
      closeSocket();
      if (session != null) {
        session.closed();
      }
      onEnd.accept(this);
    }
  }

  /** Answers line after line until the input ends or an outcome closes. */
  private void serve() throws IOException {
    while (true) {
      Object item = splitter.next(this);
      if (item == null) {
        flush();
        if (!fill()) {
          return;
        }
        continue;
      }
      Outcome outcome = item instanceof LineTooLong tooLong ? Outcome.sendAndClose(tooLong.reply())
          : await(session.handle((String) item));
      if (outcome == null) {
        return;
      }
      apply(outcome);
      if (outcome.closes()) {
        return;
      }
    }
  }

  /** Returns the stage's outcome once it completed, flushing first if it has not; null when it failed. */
  private Outcome await(CompletionStage<Outcome> stage) throws IOException {
    stage.whenComplete(this::answered);
    if (!isAnswered()) {
      flush();
      waitForAnswer();
    }
    synchronized (this) {
      Outcome outcome = answer;
      Throwable cause = failure;
      answer = null;
      failure = null;
      answered = false;
      if (cause != null || outcome == null) {
        LoggerFactory.getLogger(EarlyConnection.class)
            .warn("Closing connection {}: the session failed to answer", index, cause);
        return null;
      }
      return outcome;
    }
  }

  private synchronized void answered(Outcome outcome, Throwable cause) {
    answer = outcome;
    failure = cause;
    answered = true;
    notifyAll();
  }

  private synchronized boolean isAnswered() {
    return answered;
  }

  private synchronized void waitForAnswer() throws IOException {
    while (!answered && !closing) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closing = true;
      }
    }
    if (!answered) {
      throw new AsynchronousCloseException();
    }
  }

  private void apply(Outcome outcome) {
    if (outcome instanceof Outcome.SendRaw raw) {
      append(raw.bytes());
    }
    outcome.replies().forEach(this::append);
  }

  private void append(Reply reply) {
    append(ReplyFrame.of(reply).toBytes());
  }

  private void append(byte[] bytes) {
    if (written + bytes.length > output.length) {
      output = Arrays.copyOf(output, Math.max(output.length * 2, written + bytes.length));
    }
    System.arraycopy(bytes, 0, output, written, bytes.length);
    written += bytes.length;
  }

  private void flush() throws IOException {
    for (int at = 0; at < written; ) {
      at += socket.write(ByteBuffer.wrap(output, at, Math.min(WRITE_CHUNK, written - at)));
    }
    written = 0;
    if (output.length > WRITE_CHUNK) {
      output = new byte[INITIAL_BUFFER];
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (IOException e) {
      // the connection is gone; what was not sent cannot be
    }
  }

  /** Reads more input; returns false at the end of the stream. */
  private boolean fill() throws IOException {
    if (reader == writer) {
      reader = 0;
      writer = 0;
      if (input.length > WRITE_CHUNK) {
        input = new byte[INITIAL_BUFFER];
      }
    } else if (writer == input.length) {
      makeRoom();
    }
    int read = socket.read(ByteBuffer.wrap(input, writer, input.length - writer));
    if (read < 0) {
      return false;
    }
    writer += read;
    return true;
  }

  /** Moves the unframed bytes to the front, or grows the buffer up to what a line of the limit needs. */
  private void makeRoom() {
    if (reader > 0) {
      System.arraycopy(input, reader, input, 0, writer - reader);
      writer -= reader;
      reader = 0;
    } else {
      input = Arrays.copyOf(input, (int) Math.min(2L * input.length, maxLineLength + 2L));
    }
  }

  /**
   * Reads and drops the input that has already arrived before the close: closing with input unread makes the kernel
   * send a reset, which can destroy replies the client has not read yet (SessionHandler waits for its read alike).
   */
  private void discardArrivedInput() throws IOException {
    if (!socket.isOpen()) {
      return;
    }
    socket.configureBlocking(false);
    ByteBuffer scratch = ByteBuffer.wrap(input);
    for (int i = 0; i < DISCARDED_READS && socket.read(scratch.clear()) > 0; i++) {
      // dropped
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      // closed as far as it can be
    }
  }

  @Override
  public int readerIndex() {
    return reader;
  }

  @Override
  public int writerIndex() {
    return writer;
  }

  @Override
  public void readerIndex(int at) {
    reader = at;
  }

  @Override
  public int indexOf(int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (input[i] == value) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public byte getByte(int at) {
    return input[at];
  }

  @Override
  public String text(int at, int length) {
    return GoUtf8.decode(input, at, length);
  }

  @Override
  public String toString() {
    return "ClientConnection[" + index + " early " + socket.socket().getRemoteSocketAddress() + "]";
  }
}
