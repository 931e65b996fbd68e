package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.transcript.FrameShape;
import io.github.faktorytestkit.transcript.ServerFrames;
import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Template;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the client side of a recording against a server: one raw socket per recorded connection; each client frame
 * goes out as recorded (placeholders filled with the values bound so far, a {@code pwdhash} recomputed for the
 * server's salt when the password is given); each server frame is read and compared with the recorded one, leniently
 * ({@link Matching#LENIENT}: JSON as values, placeholders bound on first sight and checked on reuse); each server
 * close is awaited. Use it to check that a server (a fake, another release) answers as the recorded one did.
 *
 * <pre>{@code
 * List<RecordedClient.Divergence> found = RecordedClient.of(transcript, server.url()).play();
 * }</pre>
 *
 * <p>By default the events play in the recorded global order on the calling thread; {@link #concurrently()} plays
 * each connection on a thread of its own, so connections interleave as they will (the way a multi-threaded client
 * does). A connection stops at its first divergence: what follows no longer lines up. Not thread-safe.
 */
public final class RecordedClient {
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

  /**
   * A server event that differed from the recording.
   *
   * @param connection the recorded connection
   * @param position the frame's number within it, from 1
   * @param expected the recorded event, as the transcript writes it
   * @param actual what the server sent instead
   * @param difference what differs first
   */
  public record Divergence(String connection, int position, String expected, String actual, String difference) {
    @Override
    public String toString() {
      return connection + " frame " + position + ":\n    expected: " + expected + "\n    actual:   " + actual
          + "\n    differs:  " + difference;
    }
  }

  private static final Hooks NO_HOOKS = new Hooks() {};

  private final Transcript transcript;
  private final URI server;
  private final ReplayScript script;
  private final Bindings bindings = new Bindings();
  private final Map<String, ClientWire> wires = new ConcurrentHashMap<>();
  private final List<Divergence> divergences = new CopyOnWriteArrayList<>();
  private final AtomicInteger framesPlayed = new AtomicInteger();
  private Hooks hooks = NO_HOOKS;
  private String password;
  private boolean concurrent;

  private RecordedClient(Transcript transcript, URI server) {
    this.transcript = Objects.requireNonNull(transcript, "transcript");
    this.server = Objects.requireNonNull(server, "server");
    this.script = ReplayScript.of(transcript);
  }

  /** Returns a player of {@code transcript}'s client side against the Faktory at {@code server}. */
  public static RecordedClient of(Transcript transcript, URI server) {
    return new RecordedClient(transcript, server);
  }

  /** Sets the server's password, to recompute recorded password hashes for the salt the server sends. */
  public RecordedClient password(String password) {
    this.password = password;
    return this;
  }

  /** Plays each recorded connection on a thread of its own. */
  public RecordedClient concurrently() {
    this.concurrent = true;
    return this;
  }

  /** Sets what runs around the events (a fake's clock); only in the recorded order. */
  RecordedClient hooks(Hooks hooks) {
    this.hooks = hooks;
    return this;
  }

  /** Plays the recording; returns the divergences (at most one per connection), none when all of it played. */
  public List<Divergence> play() {
    try {
      if (concurrent) {
        playConcurrently();
      } else {
        for (int i = 0; i < transcript.events().size() && divergences.isEmpty(); i++) {
          play(script.step(i));
        }
      }
    } finally {
      wires.values().forEach(ClientWire::close);
    }
    return List.copyOf(divergences);
  }

  private void playConcurrently() {
    List<Thread> threads = new ArrayList<>();
    for (String connection : script.connections()) {
      Thread thread = new Thread(() -> {
        for (ReplayScript.Step step : script.steps(connection)) {
          int before = divergences.size();
          play(step);
          if (divergences.size() > before) {
            return;
          }
        }
      }, "recorded-client-" + connection);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Returns how many frames were sent or read. */
  public int framesPlayed() {
    return framesPlayed.get();
  }

  private void play(ReplayScript.Step step) {
    TranscriptEvent event = step.event();
    String name = event.connection();
    if (event instanceof TranscriptEvent.Open) {
      wires.put(name, ClientWire.open(server));
      return;
    }
    ClientWire wire = wires.get(name);
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
    framesPlayed.incrementAndGet();
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

  private void send(ClientWire wire, TranscriptEvent.Frame frame) {
    byte[] bytes;
    synchronized (bindings) {
      bytes = Rewrite.bytes(withPasswordHash(frame.body(), wire), bindings);
    }
    wire.write(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean terminated = text.endsWith("\n");
    hooks.sent(frame.connection(), MarkedTemplate.stripTerminator(text), terminated && !wire.serverClosed());
  }

  /** Recomputes a recorded password hash for the salt this server sent, the way the recorded client made it. */
  private Template withPasswordHash(Template body, ClientWire wire) {
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

  private void expectFrame(ClientWire wire, TranscriptEvent.Frame frame, ReplayScript.Step step) {
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
    synchronized (bindings) {
      LenientMatch.Result result = LenientMatch.match(MarkedTemplate.of(frame.body(), false),
          new String(content, StandardCharsets.UTF_8), bindings::get);
      if (result.matched()) {
        bindings.bindAll(result.bindings());
        wire.noteGreeting(frame);
      } else {
        diverge(step, expected, actual, result.difference());
      }
    }
  }

  private void expectClose(ClientWire wire, ReplayScript.Step step) {
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
}
