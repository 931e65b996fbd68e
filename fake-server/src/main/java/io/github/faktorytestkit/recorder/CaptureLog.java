package io.github.faktorytestkit.recorder;

import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The events of every proxied connection in the order the proxy saw them, each stamped with the time since the
 * proxy started. A frame is logged before its bytes are forwarded, so an answer can never come before its
 * question. Thread-safe: the pumps of all connections log into one instance.
 */
final class CaptureLog {
  private final LongSupplier nanoTime;
  private final long start;
  private final List<TranscriptEvent> events = new ArrayList<>();
  private int connections;

  CaptureLog(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** Logs a new connection and returns its name: {@code c1}, {@code c2}, ... */
  synchronized String open() {
    String name = "c" + ++connections;
    events.add(new TranscriptEvent.Open(name, now()));
    return name;
  }

  /** Logs the exact bytes of one frame {@code sender} sent on {@code connection}. */
  synchronized void frame(String connection, Side sender, byte[] bytes) {
    events.add(TranscriptEvent.Frame.captured(connection, now(), sender, bytes));
  }

  /** Logs that {@code side} of {@code connection} closed its end. */
  synchronized void close(String connection, Side side) {
    events.add(new TranscriptEvent.Close(connection, now(), side));
  }

  /** Returns the raw transcript of everything logged so far, under {@code header}. */
  synchronized Transcript transcript(TranscriptHeader header) {
    return new Transcript(header, events);
  }

  private Duration now() {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
  }
}
