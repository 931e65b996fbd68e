package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.protocol.Reply;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A connection accepted while Netty was not ready yet (the first connections of a cold JVM; in the standalone jar,
 * every plain connection: {@link ColdStart#keepPlainEarly()}), served for its whole life on a non-blocking JDK socket
 * by the {@link EarlyAcceptor} loop it was given (one thread and one selector for each loop's connections, as a Netty
 * event loop serves its channels), so that it waits for none of Netty's class loading. It has the semantics of
 * {@link SessionHandler} and {@link LineFramer}: the same framing ({@link LineSplitter}), one line at a time in order,
 * a pending stage (a waiting FETCH) answered before the next line, replies as {@link ReplyFrame}s, raw bytes, closes,
 * and a client that shuts down its sending side gets every answer, then the close. The replies to the lines of one read
 * go out in one write. Input is read only while a line can be handed on (not while a stage is pending or replies wait
 * for the socket), as real Faktory reads lines as it needs them; a closed peer is noticed when the next line is read or
 * a reply written (on Netty too a waiting FETCH keeps its connection until it is answered).
 *
 * <p>The acceptor's thread does all reading and writing; a stage completed on another thread (a clock advance)
 * hands its outcome to that thread. {@link #close()} and {@link #awaitEnd()} may come from any thread.
 */
final class EarlyConnection implements ClientConnection, LineSplitter.Input {
  /**
   * Each connection's input and output arrays to start with, grown as a line or a reply needs: 4 KiB, the size of the
   * {@code bufio} reader and writer real Faktory gives a connection. They are garbage once it closes: at 16 KiB a
   * burst of 100,000 short sessions promoted enough of them to fill the launcher's old generation (RSS 10 s after it
   * 41 → 70 MB; 4 KiB: 42 MB).
   */
  private static final int INITIAL_BUFFER = 4 * 1024;
  private static final int WRITE_CHUNK = 64 * 1024;
  /** How many reads of input that arrived are discarded before a close, as Netty's read loop does at most. */
  private static final int DISCARDED_READS = 16;

  private final SocketChannel socket;
  private final int index;
  private final int maxLineLength;
  private final LineSplitter splitter;
  private final SessionFactory sessions;
  private final EarlyAcceptor acceptor;
  private final Consumer<EarlyConnection> onEnd;
  private final CountDownLatch ended = new CountDownLatch(1);
  private byte[] input = new byte[INITIAL_BUFFER];
  /** All of {@link #input}, for the socket's reads (one buffer per array, not one per read). */
  private ByteBuffer inputView = ByteBuffer.wrap(input);
  private int reader;
  private int writer;
  private byte[] output = new byte[INITIAL_BUFFER];
  /** All of {@link #output}, for the socket's writes. */
  private ByteBuffer outputView = ByteBuffer.wrap(output);
  private int sent;
  private int written;
  private SelectionKey key;
  private ServerSession session;
  /** Whether a stage is pending: no line is handed on, no input read until it completes. */
  private boolean awaiting;
  private boolean inputEnded;
  /** Whether an outcome closes: what was written is flushed, then the connection closes. */
  private boolean finishing;
  private boolean over;
  /** Set by {@link #close()}, from any thread: nothing more is handed on or written. */
  private volatile boolean closing;

  /**
   * Creates the connection of {@code socket}, to be served by {@code acceptor} once {@link #start()} is called;
   * {@code onEnd} runs on the acceptor's thread once the connection is closed and the session told.
   */
  EarlyConnection(SocketChannel socket, int index, int maxLineLength, SessionFactory sessions,
      EarlyAcceptor acceptor, Consumer<EarlyConnection> onEnd) {
    this.socket = socket;
    this.index = index;
    this.maxLineLength = maxLineLength;
    this.splitter = new LineSplitter(maxLineLength);
    this.sessions = sessions;
    this.acceptor = acceptor;
    this.onEnd = onEnd;
  }

  /**
   * Starts serving: opens the session and greets, on the acceptor's thread (at once when called there, else as a
   * task of that thread).
   */
  void start() {
    if (acceptor.inLoop()) {
      acceptor.serve(this);
    } else {
      acceptor.execute(this::start);
    }
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void close() {
    closing = true;
    acceptor.execute(this::end);
  }

  /** Whether the socket sends without Nagle's delay, as Go's and Netty's do (tests). */
  boolean noDelay() throws IOException {
    return socket.getOption(StandardSocketOptions.TCP_NODELAY);
  }

  /** Waits until the connection is closed and its session told; returns at once on the acceptor's thread. */
  void awaitEnd() {
    if (acceptor.inLoop()) {
      return;
    }
    boolean interrupted = false;
    while (ended.getCount() > 0) {
      try {
        ended.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Registers the socket with {@code selector}, opens the session and greets; {@code greeted} runs once it is sent. */
  void open(Selector selector, Runnable greeted) {
    try {
      socket.configureBlocking(false);
      // no Nagle delay for a reply written while an earlier one is unacknowledged: as Go's and Netty's sockets
      socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
      key = socket.register(selector, 0, this);
      session = sessions.open(this);
      append(session.greeting());
      boolean sentAll = flush();
      greeted.run();
      if (sentAll) {
        proceed();
      }
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  /** Serves what the socket is ready for (a write that waited, input); on the acceptor's thread. */
  void ready() {
    try {
      if (key.isWritable() && !flush()) {
        return;
      }
      if (key.isReadable() && !fill()) {
        inputEnded = true;
      }
      proceed();
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  /**
   * Hands on line after line while no stage is pending, writes the replies, then reads on, waits for the socket or
   * the stage, or closes.
   */
  private void proceed() throws IOException {
    while (!awaiting && !finishing && !closing) {
      Object item = splitter.next(this);
      if (item == null) {
        break;
      }
      if (item instanceof LineTooLong tooLong) {
        apply(Outcome.sendAndClose(tooLong.reply()), null);
      } else {
        handle((String) item);
      }
    }
    if (closing || !flush()) {
      return;
    }
    if (finishing || (inputEnded && !awaiting)) {
      discardArrivedInput();
      end();
      return;
    }
    key.interestOps(awaiting ? 0 : SelectionKey.OP_READ);
  }

  private void handle(String line) {
    CompletionStage<Outcome> stage = session.handle(line);
    if (stage instanceof CompletableFuture<Outcome> future && future.isDone() && !future.isCompletedExceptionally()) {
      apply(future.getNow(null), null); // most commands: answered at once, no callback to allocate
      return;
    }
    awaiting = true;
    stage.whenComplete((outcome, failure) -> acceptor.execute(() -> answered(outcome, failure)));
  }

  /** Takes a pending stage's result, on the acceptor's thread, and goes on. */
  private void answered(Outcome outcome, Throwable failure) {
    awaiting = false;
    if (over) {
      return;
    }
    try {
      apply(outcome, failure);
      proceed();
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void apply(Outcome outcome, Throwable failure) {
    if (failure != null || outcome == null) {
      LoggerFactory.getLogger(EarlyConnection.class)
          .warn("Closing connection {}: the session failed to answer", index, failure);
      finishing = true;
      return;
    }
    if (outcome instanceof Outcome.SendRaw raw) {
      append(raw.bytes());
    }
    outcome.replies().forEach(this::append);
    finishing = outcome.closes();
  }

  private void append(Reply reply) {
    ReplyFrame frame = ReplyFrame.of(reply);
    makeRoomForOutput(frame.length());
    written = frame.writeTo(output, written);
  }

  private void append(byte[] bytes) {
    makeRoomForOutput(bytes.length);
    System.arraycopy(bytes, 0, output, written, bytes.length);
    written += bytes.length;
  }

  private void makeRoomForOutput(int length) {
    if (written + length > output.length) {
      output(Arrays.copyOf(output, Math.max(output.length * 2, written + length)));
    }
  }

  private void output(byte[] bytes) {
    output = bytes;
    outputView = ByteBuffer.wrap(bytes);
  }

  private void input(byte[] bytes) {
    input = bytes;
    inputView = ByteBuffer.wrap(bytes);
  }

  /** Writes what the socket takes; returns whether all was sent, else waits until the socket can take more. */
  private boolean flush() throws IOException {
    while (sent < written) {
      int wrote = socket.write(outputView.limit(sent + Math.min(WRITE_CHUNK, written - sent)).position(sent));
      if (wrote == 0) {
        key.interestOps(SelectionKey.OP_WRITE);
        return false;
      }
      sent += wrote;
    }
    sent = 0;
    written = 0;
    if (output.length > WRITE_CHUNK) {
      output(new byte[INITIAL_BUFFER]);
    }
    return true;
  }

  /** Reads more input; returns false at the end of the stream. */
  private boolean fill() throws IOException {
    if (reader == writer) {
      reader = 0;
      writer = 0;
      if (input.length > WRITE_CHUNK) {
        input(new byte[INITIAL_BUFFER]);
      }
    } else if (writer == input.length) {
      makeRoom();
    }
    int read = socket.read(inputView.limit(input.length).position(writer));
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
      input(Arrays.copyOf(input, (int) Math.min(2L * input.length, maxLineLength + 2L)));
    }
  }

  /**
   * Reads and drops the input that has already arrived before the close: closing with input unread makes the kernel
   * send a reset, which can destroy replies the client has not read yet (SessionHandler waits for its read alike).
   */
  private void discardArrivedInput() throws IOException {
    for (int i = 0; i < DISCARDED_READS && socket.read(inputView.clear()) > 0; i++) {
      // dropped
    }
  }

  /** After the peer reset, or the session threw (logged as SessionHandler logs it): sends what it can, closes. */
  private void fail(Exception e) {
    LoggerFactory.getLogger(EarlyConnection.class).debug("Closing connection {} after an error", index, e);
    if (!(e instanceof ClosedChannelException)) {
      try {
        flush();
      } catch (IOException | RuntimeException ignored) {
        // the connection is gone; what was not sent cannot be
      }
    }
    end();
  }

  /** Closes the socket and tells the session, once; on the acceptor's thread. */
  private void end() {
    if (over) {
      return;
    }
    over = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closed as far as it can be
    }
    try {
      if (session != null) {
        session.closed();
      }
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(EarlyConnection.class).warn("Connection {}: the session failed on close", index, e);
    }
    onEnd.accept(this);
    acceptor.ended();
    ended.countDown();
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
