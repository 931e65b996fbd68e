package io.github.faktorytestkit.conformance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The differences {@link HostileInputIT} tolerates, each one listed in fake-server's KNOWN-DIFFERENCES.md (a
 * difference found and not listed there is a failure, not an entry here).
 */
final class HostilePinned {
  private static final String CLOSED = "<closed>";
  private static final String MALFORMED = "<malformed: ";

  private HostilePinned() {}

  /** Returns whether the replies to {@code session} differ only in a listed way. */
  static boolean explains(byte[] session, List<String> fake, List<String> real) {
    return realLostRepliesToTheResetAfterEnd(session, fake, real);
  }

  /**
   * Real Faktory closes at END with the lines after it unread, so the kernel sends a reset, which can destroy
   * replies still in transit: its replies are then the fake's, cut short by the close. The fake reads on before it
   * closes and answered every line before the END, then closed, or its replies were read up to a frame the reader
   * cannot parse, before the END, where reading stops (KNOWN-DIFFERENCES.md, "Transport").
   */
  static boolean realLostRepliesToTheResetAfterEnd(byte[] session, List<String> fake, List<String> real) {
    int end = endLine(session);
    int kept = real.size() - 1;
    return end > 0 && answeredUpToTheEnd(fake, end) && kept < fake.size()
        && real.get(kept).equals(CLOSED) && fake.subList(0, kept).equals(real.subList(0, kept));
  }

  /** Whether the fake's replies run to its close after line {@code end}, or stop at an unparsable frame before it. */
  private static boolean answeredUpToTheEnd(List<String> fake, int end) {
    String last = fake.get(fake.size() - 1);
    return fake.size() == end + 1 ? last.equals(CLOSED) : fake.size() < end + 1 && last.startsWith(MALFORMED);
  }

  /** Returns the number of the first END line (from 1) when more bytes follow it, else 0. */
  private static int endLine(byte[] session) {
    int number = 0;
    for (int from = 0, lf; (lf = indexOf(session, from)) >= 0; from = lf + 1) {
      number++;
      int to = lf > from && session[lf - 1] == '\r' ? lf - 1 : lf;
      String line = new String(session, from, to - from, StandardCharsets.ISO_8859_1);
      if (line.equals("END") || line.startsWith("END ")) {
        return lf + 1 < session.length ? number : 0;
      }
    }
    return 0;
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
