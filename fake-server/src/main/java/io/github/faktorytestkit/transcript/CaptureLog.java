package io.github.faktorytestkit.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A raw capture: the events of every connection in the order they were seen, each stamped with the time since the
 * log was created; {@link TranscriptNormaliser} turns it into placeholders. The recording proxy logs a frame
 * before forwarding its bytes, so an answer can never come before its question. Thread-safe: the pumps of all
 * connections may log into one instance.
 */
public final class CaptureLog {
  private final LongSupplier nanoTime;
  private final long start;
  private final List<TranscriptEvent> events = new ArrayList<>();
  private int connections;

  /** Creates an empty log whose time starts now, as {@code nanoTime} tells it (e.g. {@code System::nanoTime}). */
  public CaptureLog(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** Logs a new connection and returns its name: {@code c1}, {@code c2}, ... */
  public synchronized String open() {
    String name = "c" + ++connections;
    events.add(new TranscriptEvent.Open(name, now()));
    return name;
  }

  /** Logs the exact bytes of one frame {@code sender} sent on {@code connection}. */
  public synchronized void frame(String connection, Side sender, byte[] bytes) {
    events.add(TranscriptEvent.Frame.captured(connection, now(), sender, bytes));
  }

  /** Logs that {@code side} of {@code connection} closed its end. */
  public synchronized void close(String connection, Side side) {
    events.add(new TranscriptEvent.Close(connection, now(), side));
  }

  /** Returns the raw transcript of everything logged so far, under {@code header}. */
  public synchronized Transcript transcript(TranscriptHeader header) {
    return new Transcript(header, events);
  }

  private Duration now() {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
  }
}
