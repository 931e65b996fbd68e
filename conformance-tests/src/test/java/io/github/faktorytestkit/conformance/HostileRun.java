package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile session on one server ({@link HostileInputIT}): the stream is written at once, the sending side shut
 * (so a last line without LF is the end of the stream), and every frame read until the server closes.
 */
final class HostileRun {
  private HostileRun() {}

  /**
   * Returns the normalised frames {@code server} sends for {@code stream}, HI first; the last entry is the event
   * that ended the session ({@code <closed>}, or a timeout when the server hung).
   *
   * @throws IllegalArgumentException when a line of the stream would crash Faktory 1.9.4
   */
  static List<String> replies(URI server, byte[] stream) {
    List<String> replies = new ArrayList<>();
    try (RawConnection connection = RawConnection.open(server)) {
      replies.add(WireNormaliser.normalise(null, connection.greeting()));
      connection.write(stream, List.of(stream.length));
      connection.shutdownOutput();
      List<WireAnswer> answers = connection.listenUntilEnd();
      // only a bulk string's normalising reads the line sent: the lines are escaped only then
      List<String> lines = answers.stream().anyMatch(answer -> answer.reply() instanceof Reply.BulkString)
          ? FramingProperties.sentLines(stream) : List.of();
      for (int i = 0; i < answers.size(); i++) {
        replies.add(WireNormaliser.normalise(i < lines.size() ? lines.get(i) : "", answers.get(i)));
      }
    }
    return replies;
  }

  /**
   * Returns whether the session ended without the server hanging: it closed the connection, or sent a frame the
   * client cannot read on (an error echoing a CR, as real Faktory's do).
   */
  static boolean ended(List<String> replies) {
    return !replies.get(replies.size() - 1).startsWith("no reply within");
  }

  /**
   * Sends a stream that would crash Faktory 1.9.4 to the fake alone, without parsing the replies; returns whether
   * the fake closed the connection within {@link RawConnection#REPLY_TIMEOUT} after the client half-closed.
   */
  static boolean drain(URI fake, byte[] stream) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(fake.getHost(), fake.getPort()), 5_000);
      socket.setSoTimeout((int) RawConnection.REPLY_TIMEOUT.toMillis());
      socket.getOutputStream().write(stream);
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      while (in.read(buffer) >= 0) {
        // the replies are not compared: only that the fake answers and closes
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
