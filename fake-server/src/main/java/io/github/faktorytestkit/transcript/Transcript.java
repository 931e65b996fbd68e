package io.github.faktorytestkit.transcript;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A recorded exchange with a Faktory server: a header and the events of every connection in their global order
 * (the order the recorder saw them), each with its time offset. See {@code recordings/README.md} for the text form;
 * {@link TranscriptReader} and {@link TranscriptWriter} are its only parser and printer.
 *
 * <p>Construction checks what the text form guarantees: time offsets never decrease; each connection opens once,
 * before anything else happens on it; a side sends nothing after closing its end; each placeholder is bound (its
 * first occurrence, with the recorded value) before it is reused, bound once, and reused with the same value.
 * Immutable.
 */
public record Transcript(TranscriptHeader header, List<TranscriptEvent> events) {

  /** Creates a transcript; see the class comment for what is checked. */
  public Transcript {
    Objects.requireNonNull(header, "header");
    events = List.copyOf(events);
    new Checks().run(events);
  }

  /** Returns the names of the connections in the order they opened. */
  public List<String> connections() {
    return events.stream().filter(TranscriptEvent.Open.class::isInstance).map(TranscriptEvent::connection).toList();
  }

  /** Returns every frame in global order. */
  public List<TranscriptEvent.Frame> frames() {
    return frameStream().toList();
  }

  /** Returns the frames of {@code connection} in order. */
  public List<TranscriptEvent.Frame> frames(String connection) {
    return frameStream().filter(frame -> frame.connection().equals(connection)).toList();
  }

  /** Returns the events of {@code connection} in order. */
  public List<TranscriptEvent> events(String connection) {
    return events.stream().filter(event -> event.connection().equals(connection)).toList();
  }

  /** Returns this transcript with another header. */
  public Transcript withHeader(TranscriptHeader newHeader) {
    return new Transcript(newHeader, events);
  }

  private Stream<TranscriptEvent.Frame> frameStream() {
    return events.stream().filter(TranscriptEvent.Frame.class::isInstance).map(TranscriptEvent.Frame.class::cast);
  }

  /** The construction checks, one pass over the events. */
  private static final class Checks {
    private final Set<String> opened = new HashSet<>();
    private final Set<String> closedEnds = new HashSet<>();
    private final Map<String, byte[]> bound = new HashMap<>();
    private Duration last = Duration.ZERO;
    private int position;

    void run(List<TranscriptEvent> events) {
      for (TranscriptEvent event : events) {
        position++;
        check(event);
      }
    }

    private void check(TranscriptEvent event) {
      if (event.at().compareTo(last) < 0) {
        fail(event, "time offset " + event.at() + " before the previous " + last + " (expected: not decreasing)");
      }
      last = event.at();
      String connection = event.connection();
      if (event instanceof TranscriptEvent.Open) {
        if (!opened.add(connection)) {
          fail(event, "connection " + connection + " opened twice");
        }
        return;
      }
      if (!opened.contains(connection)) {
        fail(event, "connection " + connection + " used before it opened");
      }
      if (event instanceof TranscriptEvent.Close close && !closedEnds.add(connection + close.side())) {
        fail(event, close.side().word() + " end of " + connection + " closed twice");
      }
      if (event instanceof TranscriptEvent.Frame frame) {
        if (closedEnds.contains(connection + frame.sender())) {
          fail(event, frame.sender().word() + " of " + connection + " sent a frame after closing its end");
        }
        frame.body().slots().forEach(slot -> checkSlot(event, slot));
      }
    }

    private void checkSlot(TranscriptEvent event, Segment.Slot slot) {
      byte[] value = bound.get(slot.key());
      if (slot.binding()) {
        if (value != null) {
          fail(event, "placeholder {{" + slot.key() + "}} bound a second time");
        }
        bound.put(slot.key(), slot.value());
      } else if (value == null) {
        fail(event, "placeholder {{" + slot.key() + "}} reused before it is bound");
      } else if (!Arrays.equals(value, slot.value())) {
        fail(event, "placeholder {{" + slot.key() + "}} reused with another value than the one bound");
      }
    }

    private void fail(TranscriptEvent event, String problem) {
      throw new IllegalArgumentException("event " + position + " (" + event.connection() + "): " + problem);
    }
  }
}
