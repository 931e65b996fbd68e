package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The replies of the fake and of real Faktory to the same hostile sessions ({@link HostileInputIT}), compared: a
 * session whose replies differ is explained by {@link HostilePinned}, or unexplained.
 *
 * @param compared the sessions both servers got
 * @param differing the sessions answered differently
 * @param pinned the differing sessions explained by {@link HostilePinned}
 * @param unexplained the indexes of the other differing sessions
 */
record HostileComparison(int compared, int differing, int pinned, List<Integer> unexplained) {
  /** Compares the replies of each session both servers got (null: not sent to real); {@code sessions} gives bytes. */
  static HostileComparison of(List<List<String>> fake, List<List<String>> real, IntFunction<byte[]> sessions) {
    int compared = 0;
    int differing = 0;
    int pinned = 0;
    List<Integer> unexplained = new ArrayList<>();
    for (int session = 0; session < real.size(); session++) {
      if (real.get(session) == null) {
        continue;
      }
      compared++;
      if (Objects.equals(fake.get(session), real.get(session))) {
        continue;
      }
      differing++;
      if (HostilePinned.explains(sessions.apply(session), fake.get(session), real.get(session))) {
        pinned++;
      } else {
        unexplained.add(session);
      }
    }
    return new HostileComparison(compared, differing, pinned, unexplained);
  }

  /**
   * Returns where two sessions' replies first differ, as {@code reply N: fake ... | real ...}: the report of a
   * divergence that its shrinking does not reproduce (a session whose outcome depends on timing).
   */
  static String firstDifference(List<String> fake, List<String> real) {
    int common = Math.min(fake.size(), real.size());
    int at = 0;
    while (at < common && fake.get(at).equals(real.get(at))) {
      at++;
    }
    return "reply " + at + ": fake " + (at < fake.size() ? fake.get(at) : "(none)") + " | real "
        + (at < real.size() ? real.get(at) : "(none)");
  }

  /**
   * Returns {@code stream} with as many whole lines left out as possible while the two servers still answer it
   * differently (and not as {@link HostilePinned} explains): the minimal bytes of a divergence, for its report.
   */
  static byte[] shrink(byte[] stream, Target fake, Target real) {
    List<byte[]> lines = lines(stream);
    for (int drop = lines.size() - 1; drop >= 0; drop--) {
      List<byte[]> fewer = new ArrayList<>(lines);
      fewer.remove(drop);
      if (!fewer.isEmpty() && differs(join(fewer), fake, real)) {
        lines = fewer;
      }
    }
    byte[] shrunk = join(lines);
    System.out.println("[conformance] hostile divergence: fake " + HostileRun.replies(fake.url(), shrunk)
        + " | real " + HostileRun.replies(real.url(), shrunk) + " | sent " + Escaping.escape(shrunk));
    return shrunk;
  }

  private static boolean differs(byte[] stream, Target fake, Target real) {
    List<String> onFake = HostileRun.replies(fake.url(), stream);
    List<String> onReal = HostileRun.replies(real.url(), stream);
    return !onFake.equals(onReal) && !HostilePinned.explains(stream, onFake, onReal);
  }

  /** Splits after each LF, as the server reads lines; a last line without LF is kept as it is. */
  private static List<byte[]> lines(byte[] stream) {
    List<byte[]> lines = new ArrayList<>();
    for (int from = 0; from < stream.length; ) {
      int end = from;
      while (end < stream.length && stream[end] != '\n') {
        end++;
      }
      end = Math.min(end + 1, stream.length);
      lines.add(java.util.Arrays.copyOfRange(stream, from, end));
      from = end;
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
