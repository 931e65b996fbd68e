package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptDiffTest {
  private static final String HEAD = "# faktory-transcript 1\n# recorded: 2026-12-02T10:00:00Z\n\n0.000 c1 open\n";

  @Test
  void recordingsThatDifferOnlyInValuesAndTimingHaveEqualSkeletons() {
    Transcript first = TranscriptReader.parse(HEAD + "0.001 c1 > PUSH {\"jid\":\"{{jid:1=aaaa}}\"}\\r\\n\n"
        + "0.002 c1 < -ERR {{jid:1}}\n");
    Transcript second = TranscriptReader.parse(HEAD + "1.501 c1 > PUSH {\"jid\":\"{{jid:1=bbbbbbbb}}\"}\\r\\n\n"
        + "1.502 c1 < -ERR {{jid:1}}\n");

    assertThat(TranscriptDiff.skeleton(first)).isEqualTo(TranscriptDiff.skeleton(second))
        .containsExactly("c1 open", "c1 > PUSH {\"jid\":\"{{jid:1}}\"}\\r\\n", "c1 < -ERR {{jid:1}}");
  }

  @Test
  void theDiffListsRemovedLinesBeforeAddedOnesBetweenCommonLines() {
    List<TranscriptDiff.Line> diff = TranscriptDiff.diff(List.of("a", "b", "c", "d"), List.of("a", "x", "c", "d", "e"));

    assertThat(diff).extracting(TranscriptDiff.Line::toString).containsExactly(" a", "-b", "+x", " c", " d", "+e");
    assertThat(TranscriptDiff.changes(List.of("a"), List.of("a"))).isEmpty();
  }
}
