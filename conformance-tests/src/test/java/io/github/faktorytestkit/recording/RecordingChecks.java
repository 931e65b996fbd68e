package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.transcript.TranscriptDiff;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two folders of recordings by their skeletons ({@link TranscriptDiff#skeleton}): the proof that a
 * re-recording differs from the committed one only in placeholder values and time offsets.
 */
final class RecordingChecks {
  private RecordingChecks() {}

  /**
   * Returns one message per file of the versions in {@code fresh} that differs or is missing on either side (on
   * the committed side only when {@code complete}: a partial re-recording leaves the other files out), with its
   * changed lines.
   */
  static List<String> differences(Path committed, Path fresh, boolean complete) {
    List<String> problems = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(transcripts(fresh));
    transcripts(committed).stream().filter(name -> complete && Files.isDirectory(fresh.resolve(name).getParent()))
        .forEach(names::add);
    for (String name : names) {
      Path before = committed.resolve(name);
      Path after = fresh.resolve(name);
      if (!Files.exists(before) || !Files.exists(after)) {
        problems.add(name + ": only in " + (Files.exists(before) ? committed : fresh));
        continue;
      }
      List<TranscriptDiff.Line> changes = TranscriptDiff.changes(
          TranscriptDiff.skeleton(TranscriptReader.read(before)), TranscriptDiff.skeleton(TranscriptReader.read(after)));
      if (!changes.isEmpty()) {
        problems.add(name + ":\n  " + String.join("\n  ", changes.stream().map(Object::toString).toList()));
      }
    }
    return problems;
  }

  /** Returns the transcripts under {@code root} as paths relative to it ({@code faktory-1.9.4/x.txt}). */
  static List<String> transcripts(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".txt"))
          .filter(file -> file.getParent().getFileName().toString().startsWith("faktory-"))
          .map(file -> root.relativize(file).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
