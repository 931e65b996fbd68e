package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.transcript.FrameShape;
import io.github.faktorytestkit.transcript.FrameSplitter;
import io.github.faktorytestkit.transcript.ServerFrames;
import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Template;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the client side of a transcript against a server, one raw socket per recorded connection, in the recorded
 * global order: each client frame goes out as recorded (placeholders filled with the values bound so far, a
 * {@code pwdhash} recomputed for the server's salt), each server frame is read and compared leniently with the
 * recorded one ({@link LenientMatch}: JSON as values, placeholders bound on first sight and checked on reuse), each
 * server close is awaited. Play stops at the first divergence: what follows it no longer lines up. {@link Hooks} let
 * a test move a fake's clock before events. Not thread-safe.
 */
final class ClientSidePlayer {
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /** What the server under test needs around the events; every default does nothing. */
  interface Hooks {
    /** Called before a client frame is sent, or a timed server event (a FETCH wait, a deadline) is awaited. */
    default void before(ReplayScript.Step step) {}

    /** Called after {@code line} went out on {@code connection}; {@code answered} says whether a reply may come. */
    default void sent(String connection, String line, boolean answered) {}

    /** Called after a server frame or close was read on {@code connection}. */
    default void read(String connection) {}
  }

  /** A server event that differed from the recording. */
  record Divergence(String connection, int position, String expected, String actual, String difference) {
    @Override
    public String toString() {
      return connection + " frame " + position + ":\n    expected: " + expected + "\n    actual:   " + actual
          + "\n    differs:  " + difference;
    }
  }

  private final Transcript transcript;
  private final URI server;
  private final Hooks hooks;
  private final String password;
  private final Bindings bindings = new Bindings();
  private final Map<String, Wire> wires = new HashMap<>();
  private final List<Divergence> divergences = new ArrayList<>();
  private int framesPlayed;

  ClientSidePlayer(Transcript transcript, URI server, Hooks hooks, String password) {
    this.transcript = transcript;
    this.server = server;
    this.hooks = hooks;
    this.password = password;
  }

  /** Plays the transcript up to its first divergence; returns it, or nothing when the whole transcript played. */
  List<Divergence> play() {
    ReplayScript script = ReplayScript.of(transcript);
    try {
      List<TranscriptEvent> events = transcript.events();
      for (int i = 0; i < events.size(); i++) {
        play(events.get(i), script.step(i));
        if (!divergences.isEmpty()) {
          break;
        }
      }
    } finally {
      wires.values().forEach(Wire::close);
    }
    return divergences;
  }

  /** Returns how many frames were sent or read. */
  int framesPlayed() {
    return framesPlayed;
  }

  private void play(TranscriptEvent event, ReplayScript.Step step) {
    String name = event.connection();
    if (event instanceof TranscriptEvent.Open) {
      wires.put(name, Wire.open(server));
      return;
    }
    Wire wire = wires.get(name);
    if (event instanceof TranscriptEvent.Close close) {
      if (close.side() == Side.CLIENT) {
        wire.shutdownOutput();
      } else {
        beforeRead(step);
        expectClose(wire, step);
        hooks.read(name);
      }
      return;
    }
    TranscriptEvent.Frame frame = (TranscriptEvent.Frame) event;
    framesPlayed++;
    if (frame.sender() == Side.CLIENT) {
      hooks.before(step);
      send(wire, frame);
    } else {
      beforeRead(step);
      expectFrame(wire, frame, step);
      hooks.read(name);
    }
  }

  private void beforeRead(ReplayScript.Step step) {
    if (step.timed()) {
      hooks.before(step);
    }
  }

  private void send(Wire wire, TranscriptEvent.Frame frame) {
    byte[] bytes = Rewrite.bytes(withPasswordHash(frame.body(), wire), bindings);
    wire.write(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean terminated = text.endsWith("\n");
    hooks.sent(frame.connection(), MarkedTemplate.stripTerminator(text), terminated && !wire.serverClosed);
  }

  /** Recomputes a recorded password hash for the salt this server sent, the way the recorded client made it. */
  private Template withPasswordHash(Template body, Wire wire) {
    if (password == null || wire.salt == null) {
      return body;
    }
    List<Segment> segments = new ArrayList<>();
    for (Segment segment : body.segments()) {
      if (segment instanceof Segment.Slot slot && slot.name().equals("pwdhash")) {
        String recorded = new String(slot.value(), StandardCharsets.UTF_8);
        Optional<Integer> iterations = wire.iterationsFor(recorded, password);
        String hash = iterations.map(n -> PasswordHash.compute(password, bindings.get(wire.salt.key()),
            n == 0 ? Integer.parseInt(bindings.get(wire.iterations.key())) : n)).orElse(recorded);
        segments.add(new Segment.Literal(hash.getBytes(StandardCharsets.UTF_8)));
      } else {
        segments.add(segment);
      }
    }
    return Template.of(segments);
  }

  private void expectFrame(Wire wire, TranscriptEvent.Frame frame, ReplayScript.Step step) {
    String expected = step.describe();
    Optional<byte[]> got = wire.read();
    if (got == null) {
      diverge(step, expected, "nothing", "no frame within " + READ_TIMEOUT.toSeconds() + " s");
      return;
    }
    if (got.isEmpty()) {
      diverge(step, expected, "close server", "expected a frame, the server closed the connection");
      return;
    }
    byte[] bytes = got.get();
    FrameShape shape = ServerFrames.shapeOf(bytes);
    byte[] content = ServerFrames.bodyOf(shape, bytes);
    String actual = describe(frame.connection(), shape, content);
    if (shape != frame.shape()) {
      diverge(step, expected, actual, "frame type " + shape + ", expected " + frame.shape());
      return;
    }
    LenientMatch.Result result = LenientMatch.match(MarkedTemplate.of(frame.body(), false),
        new String(content, StandardCharsets.UTF_8), bindings::get);
    if (result.matched()) {
      bindings.bindAll(result.bindings());
      wire.noteGreeting(frame);
    } else {
      diverge(step, expected, actual, result.difference());
    }
  }

  private void expectClose(Wire wire, ReplayScript.Step step) {
    Optional<byte[]> got = wire.read();
    if (got == null) {
      diverge(step, step.describe(), "nothing", "no close within " + READ_TIMEOUT.toSeconds() + " s");
    } else if (got.isPresent()) {
      byte[] bytes = got.get();
      FrameShape shape = ServerFrames.shapeOf(bytes);
      diverge(step, step.describe(), describe(step.event().connection(), shape, ServerFrames.bodyOf(shape, bytes)),
          "expected the server to close the connection, it sent a frame");
    }
  }

  private static String describe(String connection, FrameShape shape, byte[] content) {
    String line = TranscriptWriter.line(new TranscriptEvent.Frame(connection, Duration.ZERO, Side.SERVER, shape,
        Template.literal(content)));
    return line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
  }

  private void diverge(ReplayScript.Step step, String expected, String actual, String difference) {
    divergences.add(new Divergence(step.event().connection(), step.position(), expected, actual, difference));
  }

  /** One raw connection: exact bytes out, whole RESP frames in. */
  private static final class Wire {
    private final Socket socket;
    private final FrameSplitter splitter = FrameSplitter.forSender(Side.SERVER);
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final byte[] buffer = new byte[16 * 1024];
    private boolean serverClosed;
    private Segment.Slot salt;
    private Segment.Slot iterations;

    private Wire(Socket socket) {
      this.socket = socket;
    }

    static Wire open(URI url) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        return new Wire(socket);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot connect to " + url, e);
      }
    }

    /** Remembers the salt and iteration placeholders of a {@code +HI} for the password hash. */
    void noteGreeting(TranscriptEvent.Frame frame) {
      frame.body().slots().forEach(slot -> {
        if (slot.name().equals("salt")) {
          salt = slot;
        } else if (slot.name().equals("iter")) {
          iterations = slot;
        }
      });
    }

    /** Returns how the recorded hash was made: 0 for the greeting's iterations, 1 for a legacy hash, or empty. */
    Optional<Integer> iterationsFor(String recordedHash, String password) {
      String recordedSalt = new String(salt.value(), StandardCharsets.UTF_8);
      if (iterations != null && recordedHash.equals(PasswordHash.compute(password, recordedSalt,
          Integer.parseInt(new String(iterations.value(), StandardCharsets.UTF_8))))) {
        return Optional.of(0);
      }
      return recordedHash.equals(PasswordHash.compute(password, recordedSalt, 1)) ? Optional.of(1) : Optional.empty();
    }

    void write(byte[] bytes) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
      } catch (IOException serverGone) {
        // the recording shows what the client sent; a server that closed first does not read it
      }
    }

    /** Returns the next frame, empty when the server closed, or null when nothing came in time. */
    Optional<byte[]> read() {
      try {
        InputStream in = socket.getInputStream();
        while (frames.isEmpty() && !serverClosed) {
          int count = in.read(buffer);
          if (count < 0) {
            serverClosed = true;
            splitter.finish().ifPresent(frames::add);
          } else {
            frames.addAll(splitter.feed(buffer, 0, count));
          }
        }
        return Optional.ofNullable(frames.poll());
      } catch (SocketTimeoutException e) {
        return null;
      } catch (IOException e) {
        serverClosed = true;
        return Optional.ofNullable(frames.poll());
      }
    }

    void shutdownOutput() {
      try {
        if (!socket.isOutputShutdown()) {
          socket.shutdownOutput();
        }
      } catch (IOException alreadyGone) {
        // nothing to half-close
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
