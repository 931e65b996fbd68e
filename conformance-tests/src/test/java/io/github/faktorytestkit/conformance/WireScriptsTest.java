package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThat(WireScripts.load("/wire-known-differences.txt")).isNotEmpty();
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
}
