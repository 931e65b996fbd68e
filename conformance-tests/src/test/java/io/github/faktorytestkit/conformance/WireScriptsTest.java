package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireScriptsTest {

  @Test
  void markersBecomeTheirBytes() {
    assertThat(WireScripts.unmark("<empty>")).isEmpty();
    assertThat(WireScripts.unmark("PUSH<SP>")).isEqualTo("PUSH ".getBytes());
    assertThat(WireScripts.unmark("INFO<LF>")).isEqualTo("INFO\n".getBytes());
    assertThat(WireScripts.unmark("ACK a<CR>b")).isEqualTo("ACK a\rb".getBytes());
    assertThat(WireScripts.unmark("é<xff>")).containsExactly(0xc3, 0xa9, 0xff);
  }

  @Test
  void scriptsAreSplitAtTheirTitlesAndCommentsSkipped() {
    List<WireScript> scripts = WireScripts.parse("# comment\n== one\nINFO\n\n== two\nFLUSH\nEND\n");
    assertThat(scripts).extracting(WireScript::name).containsExactly("one", "two");
    assertThat(scripts).extracting(WireScript::size).containsExactly(1, 2);
  }

  @Test
  void everyScriptFileLoads() {
    assertThat(WireScripts.load("/wire-scripts.txt")).hasSizeGreaterThan(30);
    assertThat(WireScripts.load("/wire-scripts.txt")).extracting(WireScript::name)
        .contains("encoding: invalid UTF-8 in lines the server echoes");
  }

  @Test
  void linesThatCrashFaktory194AreRefused() {
    assertThatThrownBy(() -> WireScripts.parse("== crash\nACK<LF>\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not crash Faktory 1.9.4");
    assertThatThrownBy(() -> WireScript.of("crash", "QUEUE pause"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void linesThatOnlyLookLikeCrashingOnesAreAllowed() {
    assertThat(WireScript.of("safe", "PUSH ", "PUSH\r", "QUEUE PAUSE ", "QUEUE LATENCY", "FETCH").size())
        .isEqualTo(5);
  }

  @Test
  void eachScriptsFramesAreWrittenAsATranscriptThatReadsBack() {
    WireScript script = WireScript.of("unit: push then end", "HELLO {\"v\":2}",
        "PUSH {\"jid\":\"wire-transcript-jid\",\"jobtype\":\"t\",\"args\":[]}", "END");
    List<String> lines;
    try (FakeFaktory fake = FakeFaktory.start()) {
      lines = WireScripts.transcripts(List.of(script), fake.url(), "FakeFaktory (unit)", "unit");
    }
    Transcript transcript = TranscriptReader.read(WireScripts.file("unit", script));

    assertThat(lines).hasSize(5).first().isEqualTo("== unit: push then end");
    assertThat(WireScripts.file("unit", script)).hasFileName("unit-push-then-end.txt");
    assertThat(transcript.header().server()).hasValue("FakeFaktory (unit)");
    assertThat(transcript.header().scenario()).hasValue("unit: push then end");
    assertThat(transcript.connections()).containsExactly("c1");
    assertThat(transcript.events()).extracting(WireScriptsTest::describe).containsExactly(
        "open",
        "server +HI {\"v\":2}\r\n",
        "client HELLO {\"v\":2}\r\n",
        "server +OK\r\n",
        "client PUSH {\"jid\":\"wire-transcript-jid\",\"jobtype\":\"t\",\"args\":[]}\r\n",
        "server +OK\r\n",
        "client END\r\n",
        "close server",
        "close client");
    assertThat(transcript.frames().get(3).body().slots()).extracting(Segment.Slot::key)
        .containsExactly("jid:1");
  }

  private static String describe(TranscriptEvent event) {
    if (event instanceof TranscriptEvent.Frame frame) {
      return frame.sender().word() + " " + new String(frame.wire(), StandardCharsets.UTF_8);
    }
    return event instanceof TranscriptEvent.Close close ? "close " + close.side().word() : "open";
  }
}
