package io.github.faktorytestkit.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares transcripts by what does not change between runs: each event as its text line without the time offset,
 * with every placeholder written as {@code {{name:index}}} whatever its value ({@link #skeleton}). Two recordings of
 * one scenario that differ only in placeholder values and timing have equal skeletons; {@link #diff} lists where
 * two skeletons differ, as a line diff. Stateless.
 */
public final class TranscriptDiff {
  private TranscriptDiff() {}

  /** One line of a diff: kept in both, only in the old transcript, or only in the new one. */
  public record Line(Kind kind, String text) {
    /** Where a line of a diff comes from. */
    public enum Kind { SAME, REMOVED, ADDED }

    /** Returns the line as a unified diff shows it: a space, {@code -} or {@code +}, then the text. */
    @Override
    public String toString() {
      return switch (kind) {
        case SAME -> " " + text;
        case REMOVED -> "-" + text;
        case ADDED -> "+" + text;
      };
    }
  }

  /** Returns the skeleton of {@code transcript}: one line per event, no time offsets, no placeholder values. */
  public static List<String> skeleton(Transcript transcript) {
    List<String> lines = new ArrayList<>();
    for (TranscriptEvent event : transcript.events()) {
      TranscriptEvent shown = event instanceof TranscriptEvent.Frame frame ? frame.withBody(valueFree(frame.body()))
          : event;
      String line = TranscriptWriter.line(shown);
      lines.add(line.substring(line.indexOf(' ') + 1));
    }
    return lines;
  }

  private static Template valueFree(Template body) {
    List<Segment> segments = new ArrayList<>();
    for (Segment segment : body.segments()) {
      segments.add(segment instanceof Segment.Slot slot
          ? new Segment.Slot(slot.name(), slot.index(), new byte[0], false) : segment);
    }
    return Template.of(segments);
  }

  /** Returns the line diff of {@code before} and {@code after} (longest common subsequence), in order. */
  public static List<Line> diff(List<String> before, List<String> after) {
    int[][] common = new int[before.size() + 1][after.size() + 1];
    for (int i = before.size() - 1; i >= 0; i--) {
      for (int j = after.size() - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
        lines.add(new Line(Line.Kind.SAME, before.get(i++)));
        j++;
      } else if (i < before.size() && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
        lines.add(new Line(Line.Kind.REMOVED, before.get(i++)));
      } else {
        lines.add(new Line(Line.Kind.ADDED, after.get(j++)));
      }
    }
    return lines;
  }

  /** Returns only the changed lines of {@link #diff}. */
  public static List<Line> changes(List<String> before, List<String> after) {
    return diff(before, after).stream().filter(line -> line.kind() != Line.Kind.SAME).toList();
  }
}
