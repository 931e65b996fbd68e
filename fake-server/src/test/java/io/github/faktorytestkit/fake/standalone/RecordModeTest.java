package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.recorder.RecordingProxy;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordModeTest {

  @Test
  void recordsWhatGoesThroughToTheFileAndPrintsTheReadyLineOfTheBinary(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("jar.txt");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeFaktory fake = FakeFaktory.start()) {
      RecordingProxy proxy = RecordMode.start(new String[] {"--upstream", fake.url().toString(), "-o",
          file.toString(), "-b", "127.0.0.1:0", "-w", "127.0.0.1:0", "--scenario", "jar"},
          new PrintStream(out, true, StandardCharsets.UTF_8));
      try (FaktoryClient client = FaktoryClient.connect(proxy.url().toString())) {
        client.flush();
      }
      proxy.close();
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("I \\S+ PID \\d+ listening at 127\\.0\\.0\\.1:\\d+, press Ctrl-C to stop");
    assertThat(TranscriptReader.read(file).header().scenario()).contains("jar");
    assertThat(TranscriptReader.read(file).frames()).isNotEmpty();
  }

  @Test
  void aMissingUpstreamIsACommandLineMistake() {
    assertThatThrownBy(() -> RecordMode.parse("-o", "x.txt"))
        .isInstanceOfSatisfying(StartupException.class, e -> {
          assertThat(e.exitStatus()).isEqualTo(2);
          assertThat(e.getMessage()).contains("--upstream");
        });
  }
}
