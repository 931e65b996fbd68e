package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.conformance.ScriptLines;
import io.github.faktorytestkit.protocol.Escaping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire differential's scripts ({@code wire-scripts.txt}, {@code wire-password-scripts.txt}, read only) as
 * recording scenarios: each line goes out as {@link ScriptLines} gives it (CRLF appended unless it ends in LF)
 * and one reply frame is read; a close ends the script, and so does a refused HELLO once the server has closed (a
 * line sent after it would race with the close). Lines that would crash the recorded version are left out, and
 * said so in the transcript's header.
 */
final class ScriptScenarios {
  private ScriptScenarios() {}

  static List<Scenario> all() {
    List<Scenario> scenarios = new ArrayList<>();
    ScriptLines.load("/wire-scripts.txt").forEach((name, lines) -> scenarios.add(scenario(name, lines, false)));
    ScriptLines.load("/wire-password-scripts.txt")
        .forEach((name, lines) -> scenarios.add(scenario(name, lines, true)));
    return scenarios;
  }

  private static Scenario scenario(String name, List<byte[]> lines, boolean password) {
    return new Scenario(name, password, false, context -> run(context, lines));
  }

  private static List<String> run(ScenarioContext context, List<byte[]> lines) {
    List<String> notes = new ArrayList<>();
    try (RawWire wire = context.connect()) {
      if (wire.read(RawWire.REPLY_TIMEOUT).isEmpty()) {
        return notes;
      }
      boolean handshake = true;
      for (byte[] line : lines) {
        if (crashes(context, line)) {
          notes.add("left out " + Escaping.escape(withoutTerminator(line)) + ": crashes Faktory " + context.version());
          continue;
        }
        Optional<String> reply = wire.write(line).read(RawWire.REPLY_TIMEOUT);
        if (reply.isEmpty()) {
          break;
        }
        if (handshake && !reply.get().equals("+OK\r\n")) {
          // a refused HELLO is followed by a close: wait for it, so no later line races with it
          wire.awaitServerClose(RawWire.REPLY_TIMEOUT);
          break;
        }
        handshake = false;
      }
    }
    return notes;
  }

  /**
   * Returns whether {@code wire} would crash the context's version: the bare commands of every version up to
   * 1.9.4, and before 1.9.2 also a QUEUE with fewer than two words after it (those versions read {@code qs[1]}
   * before looking at the subcommand).
   */
  static boolean crashes(ScenarioContext context, byte[] wire) {
    String text = withoutTerminator(wire);
    boolean queueWithoutTwoWords = text.startsWith("QUEUE") && text.indexOf('\r') < 0 && text.indexOf('\n') < 0
        && text.split(" ", -1).length < 3;
    return context.before("1.9.2") && queueWithoutTwoWords || ScriptLines.crashesFaktory194(wire);
  }

  private static String withoutTerminator(byte[] wire) {
    return new String(wire, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
  }
}
