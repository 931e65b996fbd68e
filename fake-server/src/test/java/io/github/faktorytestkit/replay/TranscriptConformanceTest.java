package io.github.faktorytestkit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.transcript.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Transcript conformance, offline: plays the client side of every committed Faktory 1.9.4 recording against the
 * model fake, its manual clock moved to each frame's recorded offset, and compares every reply with the recorded
 * one, value by value with placeholders. No server, no Go, no Docker: this is how an offline build checks the fake
 * against real Faktory. A divergence fails the build unless it is listed in {@link #KNOWN}, which names the line of
 * {@code fake-server/KNOWN-DIFFERENCES.md} that explains it; a listed divergence that no longer occurs fails too.
 */
class TranscriptConformanceTest {
  private static final Path KNOWN_DIFFERENCES = Path.of("KNOWN-DIFFERENCES.md");

  /** A deliberate difference showing in a recording: where, what differs, and its KNOWN-DIFFERENCES.md text. */
  record Known(String file, String connection, int position, String difference, String documentedAs) {
    boolean explains(String file, RecordedClient.Divergence divergence) {
      return this.file.equals(file) && connection.equals(divergence.connection())
          && position == divergence.position() && divergence.difference().contains(difference);
    }
  }

  static final List<Known> KNOWN = List.of(
      new Known("scheduled-a-job-pushed-for-2-s-later-becomes-fetchable.txt", "c1", 7,
          "frame type BULK, expected NULL_BULK", "scheduled and retry jobs move at their `at`/`next_at`"));

  /**
   * What happened off the wire while a recording was made, re-enacted on the model before the given client frame:
   * the web UI's {@code POST /busy} of the quiet-and-terminate scenario.
   */
  record OffTheWire(String connection, int beforeFrame, Consumer<ServerState> action) {}

  static final Map<String, List<OffTheWire>> OFF_THE_WIRE = Map.of(
      "worker-quiet-and-terminate-through-post-busy.txt", List.of(
          new OffTheWire("c1", 8, state -> state.quiet("rec-worker-q")),
          new OffTheWire("c1", 12, state -> state.terminate("rec-worker-q"))));

  @Test
  void theModelAnswersEveryRecordingOf194AsRealFaktoryDid() throws IOException {
    List<String> unexplained = new ArrayList<>();
    List<Known> seen = new ArrayList<>();
    int recordings = 0;
    int frames = 0;
    for (Path file : Recordings.of("1.9.4")) {
      String name = file.getFileName().toString();
      Run run = conform(Recordings.read(file), OFF_THE_WIRE.getOrDefault(name, List.of()));
      for (RecordedClient.Divergence divergence : run.divergences()) {
        KNOWN.stream().filter(known -> known.explains(name, divergence)).findFirst()
            .ifPresentOrElse(seen::add, () -> unexplained.add(name + " " + divergence));
      }
      recordings++;
      frames += run.frames();
    }
    System.out.println("transcript conformance: " + recordings + " recordings of Faktory 1.9.4, " + frames
        + " frames played, " + (unexplained.size() + seen.size()) + " divergences (" + seen.size()
        + " known: KNOWN-DIFFERENCES.md)");
    assertThat(unexplained).as("divergences from real Faktory 1.9.4's recordings").isEmpty();
    assertThat(seen).as("known divergences that still occur (remove the fixed ones)").isEqualTo(KNOWN);
    String documented = Files.readString(KNOWN_DIFFERENCES, StandardCharsets.UTF_8);
    KNOWN.forEach(known -> assertThat(documented).as("KNOWN-DIFFERENCES.md").contains(known.documentedAs()));
  }

  /** What one recording's play against the model found. */
  record Run(List<RecordedClient.Divergence> divergences, int frames) {}

  /** Plays the client side of {@code transcript} against a fresh model fake started at the recorded instant. */
  static Run conform(Transcript transcript, List<OffTheWire> offTheWire) {
    Instant start = transcript.header().recorded().orElseThrow();
    String password = Recordings.password(transcript);
    try (FakeFaktory fake = FakeFaktory.builder().startAt(start).password(password).start()) {
      ModelClock clock = new ModelClock(fake, start, step -> offTheWire.stream()
          .filter(action -> action.connection().equals(step.event().connection())
              && action.beforeFrame() == step.position())
          .forEach(action -> action.action().accept(fake.state())));
      RecordedClient player = RecordedClient.of(transcript, fake.url()).password(password).hooks(clock);
      return new Run(player.play(), player.framesPlayed());
    }
  }
}
