package io.github.faktorytestkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay file of a random sequence ({@link SequenceRun#replay}): a {@code prefix <id>} line, then one
 * {@code c<N> <line>} per step, the lines filled in. {@link DifferentialReplay} sends it again.
 *
 * @param prefix the identifier prefix of the run, which the workers' wids are made of
 * @param steps the steps, as filled-in lines
 */
record SequenceReplay(String prefix, List<SequenceStep> steps) {
  /** Where failing runs write their replay files. */
  static final Path DIRECTORY = Path.of("target", "conformance", "replays");

  /** Writes {@code text} as the replay file of run {@code prefix}; returns its path. */
  static Path write(String prefix, String text) {
    try {
      Files.createDirectories(DIRECTORY);
      return Files.writeString(DIRECTORY.resolve(prefix + ".txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a replay file.
   *
   * @throws IllegalArgumentException when a line is not {@code prefix <id>} first, then {@code c<N> <line>}
   */
  static SequenceReplay read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("prefix ")) {
      throw new IllegalArgumentException(file + ": first line (expected: prefix <id>)");
    }
    List<SequenceStep> steps = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int space = line.indexOf(' ');
      if (!line.matches("c[1-" + SequenceStep.CONNECTIONS + "] .*")) {
        throw new IllegalArgumentException(file + ": " + line + " (expected: c<1-3> <command line>)");
      }
      steps.add(new SequenceStep(line.charAt(1) - '0', line.substring(space + 1)));
    }
    return new SequenceReplay(lines.get(0).substring("prefix ".length()).strip(), steps);
  }
}
