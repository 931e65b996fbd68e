package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transcript cut into what a replay plays: per recorded connection, its events in order ({@link Step}), each with
 * the client frames of other connections that caused it, as the recording shows causes: a server frame holding a
 * value (a placeholder) that another connection's client sent first, such as the jid of a pushed job in the FETCH
 * reply that got it. Immutable.
 */
final class ReplayScript {
  /** A server event recorded at least this long after the event before it on its connection is timed. */
  static final Duration TIMED_GAP = Duration.ofSeconds(1);

  /**
   * One event of a recorded connection.
   *
   * @param index the event's index in the whole transcript, from 0
   * @param position the frame's number within its connection, from 1 (0 for open and close events)
   * @param event the recorded event
   * @param causes the transcript indexes of client frames on other connections this event waits for
   * @param gap the time since the event before it on its connection
   */
  record Step(int index, int position, TranscriptEvent event, Set<Integer> causes, Duration gap) {
    boolean clientFrame() {
      return event instanceof TranscriptEvent.Frame frame && frame.sender() == Side.CLIENT;
    }

    /**
     * Returns whether this is a client frame without its line end (cut off by a close): the transport never hands
     * such a frame to a session, so a replay steps over it.
     */
    boolean unterminated() {
      if (!clientFrame()) {
        return false;
      }
      byte[] bytes = frame().body().bytes();
      return bytes.length == 0 || bytes[bytes.length - 1] != '\n';
    }

    boolean serverFrame() {
      return event instanceof TranscriptEvent.Frame frame && frame.sender() == Side.SERVER;
    }

    boolean closes(Side side) {
      return event instanceof TranscriptEvent.Close close && close.side() == side;
    }

    boolean timed() {
      return gap.compareTo(TIMED_GAP) >= 0;
    }

    TranscriptEvent.Frame frame() {
      return (TranscriptEvent.Frame) event;
    }

    /** Returns the step as the transcript writes it, without the time offset. */
    String describe() {
      String line = TranscriptWriter.line(event);
      return line.substring(line.indexOf(' ') + 1);
    }
  }

  private final Transcript transcript;
  private final Map<String, List<Step>> steps;

  private ReplayScript(Transcript transcript, Map<String, List<Step>> steps) {
    this.transcript = transcript;
    this.steps = steps;
  }

  /** Cuts {@code transcript} into steps and finds their causes. */
  static ReplayScript of(Transcript transcript) {
    Map<String, List<Step>> steps = new LinkedHashMap<>();
    transcript.connections().forEach(connection -> steps.put(connection, new ArrayList<>()));
    Map<String, Integer> firstSeen = new HashMap<>();
    Map<String, Duration> last = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    List<TranscriptEvent> events = transcript.events();
    for (int i = 0; i < events.size(); i++) {
      TranscriptEvent event = events.get(i);
      String connection = event.connection();
      Set<Integer> causes = new LinkedHashSet<>();
      int position = 0;
      if (event instanceof TranscriptEvent.Frame frame) {
        position = positions.merge(connection, 1, Integer::sum);
        int self = i;
        frame.body().slots().forEach(slot -> {
          Integer first = firstSeen.putIfAbsent(slot.key(), self);
          if (first != null && frame.sender() == Side.SERVER && isClientFrameElsewhere(events.get(first), connection)) {
            causes.add(first);
          }
        });
      }
      Duration gap = event.at().minus(last.getOrDefault(connection, event.at()));
      last.put(connection, event.at());
      steps.get(connection).add(new Step(i, position, event, Set.copyOf(causes), gap));
    }
    steps.replaceAll((connection, list) -> List.copyOf(list));
    return new ReplayScript(transcript, steps);
  }

  private static boolean isClientFrameElsewhere(TranscriptEvent event, String connection) {
    return event instanceof TranscriptEvent.Frame frame && frame.sender() == Side.CLIENT
        && !frame.connection().equals(connection);
  }

  /** Returns the transcript. */
  Transcript transcript() {
    return transcript;
  }

  /** Returns the recorded connections in the order they opened. */
  List<String> connections() {
    return List.copyOf(steps.keySet());
  }

  /** Returns the steps of {@code connection}, its open event first. */
  List<Step> steps(String connection) {
    return steps.get(connection);
  }

  /** Returns the step of the transcript event {@code index}. */
  Step step(int index) {
    String connection = transcript.events().get(index).connection();
    return steps.get(connection).stream().filter(step -> step.index() == index).findFirst().orElseThrow();
  }
}
