package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.NeedsStandaloneJar;
import io.github.faktorytestkit.real.RealTargets;
import io.github.faktorytestkit.real.StandaloneFakeProcess;
import io.github.faktorytestkit.replay.RecordedClient;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faktory's Go load tester recorded through the standalone jar's record mode against real Faktory, then replayed
 * by the jar's replay mode: {@code load 100 2} runs a producer and a consumer thread on connections of their own,
 * so the consumer's FETCH replies carry jobs the producer pushed on another connection. The replay is driven by the
 * recording's client side with one thread per connection, which interleave differently from the recording, so it
 * passes only if each FETCH reply waits for the PUSH it carries (the tool itself cannot replay: it picks queues and
 * failures at random).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsStandaloneJar
class LoadReplayIT {
  private static final Path JAR =
      Path.of(System.getProperty("faktory.fake.jar", "../fake-server/target/faktory-fake-server.jar"));

  @Test
  void aLoadToolRecordingOfRealFaktoryReplaysThroughTheJar() throws Exception {
    assumeTrue(TargetKind.allowed().contains(TargetKind.LOCAL), "-Dfaktory.targets leaves out local");
    Path load = RealTargets.requireLoadTool();
    RealTargets.requireLocalFaktory();
    assertThat(JAR).as("the standalone jar (mvn package in fake-server builds it)").isRegularFile();
    Path recording = Files.createDirectories(Path.of("target")).resolve("load-recording.txt");
    Files.deleteIfExists(recording);
    try (LocalFaktory real = LocalFaktory.start()) {
      StandaloneFakeProcess recorder = StandaloneFakeProcess.start(JAR, List.of("record", "--upstream",
          real.url().toString(), "-o", recording.toString(), "--scenario", "load 100 2", "--server", "Faktory 1.9.4"));
      try {
        runLoad(load, recorder.url());
      } finally {
        recorder.close();
      }
    }
    Transcript transcript = TranscriptReader.read(recording);
    assertThat(transcript.connections()).as("the tool's own connection and one per thread").hasSize(3);

    StandaloneFakeProcess replay = StandaloneFakeProcess.start(JAR, List.of("replay", recording.toString()));
    List<RecordedClient.Divergence> divergences;
    try {
      divergences = RecordedClient.of(transcript, replay.url()).concurrently().play();
    } finally {
      replay.close();
    }
    System.out.printf("[load replay] %d connections, %d frames replayed%n", transcript.connections().size(),
        transcript.frames().size());
    assertThat(divergences).as(replay.output()).isEmpty();
    assertThat(replay.exitStatus()).as("the replay's own verdict (0: no mismatch, every frame played)").isZero();
  }

  private static void runLoad(Path load, URI url) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(load.toString(), "100", "2").redirectErrorStream(true);
    builder.environment().put("FAKTORY_URL", url.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).as("no client errors").contains("Processed ");
  }
}
