package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of raw lines sent on one new connection, the handshake included, and the transcript it yields: the
 * greeting, then one normalised answer per line ({@link WireNormaliser}). Two servers are wire-compatible on a
 * script when their transcripts are equal. Immutable.
 *
 * @param name what the script exercises, for messages
 * @param lines the lines, each sent with CRLF unless it ends in LF; usually a HELLO first
 */
public record WireScript(String name, List<String> lines) {
  /** Creates the script; refuses a line that crashes Faktory 1.9.4 (see {@link WireSession#send(String)}). */
  public WireScript {
    Objects.requireNonNull(name, "name");
    lines = List.copyOf(lines);
    for (String line : lines) {
      if (WireSession.crashesFaktory194(line.endsWith("\n") ? line : line + "\r\n")) {
        throw new IllegalArgumentException("line: " + Escaping.escape(line) + " (expected: a line that does not"
            + " crash Faktory 1.9.4)");
      }
    }
  }

  /** Returns a script of {@code lines}. */
  public static WireScript of(String name, String... lines) {
    return new WireScript(name, List.of(lines));
  }

  /**
   * Runs the script on a new connection to {@code url} and returns its transcript: {@code "<greeting> => ..."}
   * first, then {@code "<line> => <answer>"} per line. Blocks up to 5 s per line; closes the connection.
   */
  public List<String> transcript(URI url) {
    List<String> transcript = new ArrayList<>();
    try (WireSession session = WireSession.open(url)) {
      transcript.add("<greeting> => " + WireNormaliser.normalise(null, session.greeting()));
      for (String line : lines) {
        transcript.add(Escaping.escape(line) + " => " + WireNormaliser.normalise(line, session.send(line)));
      }
    }
    return transcript;
  }
}
