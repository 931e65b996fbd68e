package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.transcript.CaptureLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of raw lines sent on one new connection, the handshake included, and the transcript it yields: the
 * greeting, then one normalised answer per line ({@link WireNormaliser}). Two servers are wire-compatible on a
 * script when their transcripts are equal. Each line is sent with CRLF unless it ends in LF; a line may hold any
 * bytes, invalid UTF-8 included. Immutable.
 */
public final class WireScript {
  private final String name;
  private final List<byte[]> lines;

  /**
   * Creates a script named {@code name} (for messages) of {@code lines}, usually a HELLO first.
   *
   * @throws IllegalArgumentException when a line would crash Faktory 1.9.4 (see {@link RawConnection#send(byte[])})
   */
  public WireScript(String name, List<byte[]> lines) {
    this.name = Objects.requireNonNull(name, "name");
    this.lines = lines.stream().map(byte[]::clone).toList();
    this.lines.forEach(RawConnection::safeWire);
  }

  /** Returns a script of text lines, sent as UTF-8. */
  public static WireScript of(String name, String... lines) {
    return new WireScript(name, List.of(lines).stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList());
  }

  /** Returns what the script exercises. */
  public String name() {
    return name;
  }

  /** Returns how many lines the script sends. */
  public int size() {
    return lines.size();
  }

  /**
   * Runs the script on a new connection to {@code url} and returns its transcript: {@code "<greeting> => ..."}
   * first, then {@code "<line> => <answer>"} per line, control characters and invalid bytes escaped. Blocks up to
   * 5 s per line; closes the connection. What crossed the wire, exact bytes and closes included, goes to {@code
   * log} (none when null).
   */
  public List<String> transcript(URI url, CaptureLog log) {
    List<String> transcript = new ArrayList<>();
    try (RawConnection session = RawConnection.open(url, log)) {
      transcript.add("<greeting> => " + WireNormaliser.normalise(null, session.greeting()));
      for (byte[] line : lines) {
        String sent = new String(line, StandardCharsets.UTF_8);
        transcript.add(Escaping.escape(line) + " => " + WireNormaliser.normalise(sent, session.send(line)));
      }
    }
    return transcript;
  }

  @Override
  public String toString() {
    return "WireScript[" + name + ", " + lines.size() + " lines]";
  }
}
