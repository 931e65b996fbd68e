package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worked example of {@code recordings/README.md} reads, writes back unchanged, and means what it says. */
class TranscriptReadmeExampleTest {
  private static final Path README = Path.of("..", "recordings", "README.md");

  @Test
  void theWorkedExampleReadsAndWritesBackUnchanged() throws IOException {
    String text = example();

    Transcript transcript = TranscriptReader.parse(text, README.toString());

    assertThat(TranscriptWriter.toText(transcript)).isEqualTo(text);
    assertThat(transcript.connections()).containsExactly("c1", "c2");
    assertThat(new String(transcript.frames().get(9).wire(), StandardCharsets.UTF_8))
        .startsWith("$207\r\n{\"retry\":25,\"jid\":\"b0c3f1d2e5a6\",")
        .endsWith("\"args\":[\"ann@example.com\",\"\\t\\u003c\\u0026\\u003e\"]}\r\n");
    assertThat(transcript.frames().get(11).wire()).asString(StandardCharsets.UTF_8)
        .isEqualTo("-ERR Job not found never-fetched\r\n");
    byte[] push = transcript.frames().get(16).wire();
    assertThat(push[push.length - 5]).isEqualTo((byte) 0xff);
  }

  private static String example() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String block = readme.substring(readme.indexOf("<!-- example:start -->"), readme.indexOf("<!-- example:end -->"));
    return block.substring(block.indexOf("```\n") + 4, block.lastIndexOf("```"));
  }
}
