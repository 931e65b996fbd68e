package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CommandLineTest {

  @Test
  void writesVerbSpaceArgumentCrLf() {
    byte[] wire = CommandLine.of(Verb.ACK, "{\"jid\":\"ü123456789\"}").toWire();
    assertThat(new String(wire, UTF_8)).isEqualTo("ACK {\"jid\":\"ü123456789\"}\r\n");
  }

  @Test
  void bareVerbHasNoTrailingSpaceButAnEmptyArgumentHasOne() {
    assertThat(new String(CommandLine.of(Verb.INFO).toWire(), UTF_8)).isEqualTo("INFO\r\n");
    assertThat(new String(CommandLine.of(Verb.PUSH, "").toWire(), UTF_8)).isEqualTo("PUSH \r\n");
  }

  @Test
  void refusesCrOrLfInTheArgument() {
    assertThatThrownBy(() -> CommandLine.of(Verb.PUSH, "{}\r\nFLUSH"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument: {}\\r\\nFLUSH (expected: no CR or LF)");
  }

  @Test
  void parseAcceptsCrLfOrBareLfAndSplitsAtTheFirstSpace() {
    assertThat(CommandLine.parse("FETCH critical default\r\n"))
        .isEqualTo(CommandLine.of(Verb.FETCH, "critical default"));
    assertThat(CommandLine.parse("END\n")).isEqualTo(CommandLine.of(Verb.END));
  }

  @Test
  void verbOfIsTheTextBeforeTheFirstSpace() {
    assertThat(CommandLine.verbOf("QUEUE PAUSE a b")).isEqualTo("QUEUE");
    assertThat(CommandLine.verbOf("info")).isEqualTo("info");
    assertThat(CommandLine.verbOf(" PUSH")).isEmpty();
    assertThat(CommandLine.verbOf("")).isEmpty();
  }

  @Test
  void parseMatchesVerbsCaseSensitively() {
    assertThatThrownBy(() -> CommandLine.parse("push {}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("verb: push (expected: one of");
  }

  @Test
  void knowsTheLinesThatCrashFaktory194() {
    assertThat(CommandLine.of(Verb.PUSH).crashesFaktory194()).isTrue();
    assertThat(CommandLine.of(Verb.PUSH, "").crashesFaktory194()).isFalse();
    assertThat(CommandLine.of(Verb.QUEUE, "pause").crashesFaktory194()).isTrue();
    assertThat(CommandLine.of(Verb.QUEUE, "PAUSE ").crashesFaktory194()).isFalse();
    assertThat(CommandLine.of(Verb.QUEUE, "LATENCY").crashesFaktory194()).isFalse();
    assertThat(CommandLine.of(Verb.FETCH).crashesFaktory194()).isFalse();
  }

  @Test
  void redactsThePasswordHashOfHello() {
    CommandLine hello = CommandLine.of(Verb.HELLO, "{\"v\":2,\"pwdhash\":\"6d877f8e55\",\"pid\":1}");
    assertThat(hello.redacted()).isEqualTo("HELLO {\"v\":2,\"pwdhash\":\"<redacted>\",\"pid\":1}");
    assertThat(CommandLine.of(Verb.PUSH, "{\"pwdhash\":\"x\"}").redacted()).isEqualTo("PUSH {\"pwdhash\":\"x\"}");
  }
}
