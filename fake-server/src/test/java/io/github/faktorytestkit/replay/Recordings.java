package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed recordings and the README's worked example, for the replay and conformance tests. */
final class Recordings {
  static final Path ROOT = Path.of("..", "recordings");

  private Recordings() {}

  /** Returns the transcript files of {@code version}, sorted by name; fails when there are none. */
  static List<Path> of(String version) {
    Path folder = ROOT.resolve("faktory-" + version);
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no recordings in " + folder.toAbsolutePath());
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder.toAbsolutePath(), e);
    }
  }

  /** Returns the worked example of {@code recordings/README.md}. */
  static Transcript readmeExample() {
    try {
      String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
      String block = readme.substring(readme.indexOf("<!-- example:start -->"), readme.indexOf("<!-- example:end -->"));
      String text = block.substring(block.indexOf("```\n") + 4, block.lastIndexOf("```"));
      return TranscriptReader.parse(text, "recordings/README.md");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recordings/README.md", e);
    }
  }

  /** Returns the password of the recorded server: the header's {@code password} field, or null. */
  static String password(Transcript transcript) {
    return transcript.header().get("password").orElse(null);
  }

  /** Returns the transcript in {@code file}. */
  static Transcript read(Path file) {
    return TranscriptReader.read(file);
  }
}
