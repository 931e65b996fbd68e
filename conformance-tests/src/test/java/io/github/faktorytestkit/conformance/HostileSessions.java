package io.github.faktorytestkit.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates hostile sessions for {@link HostileInputIT}: the bytes one client sends on one connection, from a seed,
 * so session {@code n} of seed {@code s} is always the same bytes whatever thread runs it. A session is random
 * bytes, RESP-looking prefixes, mutated and truncated JSON, bare LF, NUL, invalid UTF-8, deep nesting, huge numbers,
 * duplicate keys, commands before HELLO or pipelined bursts, and ends in {@code END} or a half-close (maybe inside a
 * line). No session reads or wipes shared state (no INFO, FLUSH, FETCH or MUTATE), so sessions run in parallel and
 * in any order get the same replies, and a canary's queue is never touched.
 */
final class HostileSessions {
  private static final String HELLO = "HELLO {\"v\":2}";
  private static final String[] RESP = {"*2", "*1\r\n$4\r\nNOOP", "$4", "$-1", "+OK", "-ERR x", ":1", "*-1", "$999999"};
  private static final String[] VERBS = {"ACK", "FAIL", "BEAT", "PUSHB", "QUEUE", "END", "HELLO", "HI", "NOOP", "push"};
  private static final String[] HUGE = {"1e400", "-1e400", "123456789012345678901234567890", "1.0e-400",
      "18446744073709551616", "-9223372036854775809", "0x10", "01", "-", "1.", ".5", "NaN", "Infinity"};

  private final long seed;

  HostileSessions(long seed) {
    this.seed = seed;
  }

  /** Returns the bytes of session {@code index}: a stream that may end without LF (then the client half-closes). */
  byte[] session(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(10) > 0) {
      line(out, random, HELLO);
    }
    int lines = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
    for (int n = 0; n < lines; n++) {
      line(out, random, hostileLine(random, index, n));
    }
    switch (random.nextInt(10)) {
      case 0, 1 -> { } // half-close after the last line
      case 2 -> out.writeBytes(ascii(truncated(random, job(index, lines, random))));
      default -> out.writeBytes(ascii("END\r\n"));
    }
    return out.toByteArray();
  }

  private static void line(ByteArrayOutputStream out, Random random, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    int terminator = random.nextInt(20);
    out.writeBytes(ascii(terminator == 0 ? "\n" : terminator == 1 ? "\r\r\n" : "\r\n"));
  }

  /** Returns one line, each char standing for one byte (ISO-8859-1), without its terminator. */
  private static String hostileLine(Random random, int session, int n) {
    return switch (random.nextInt(12)) {
      case 0 -> randomBytes(random, random.nextInt(40));
      case 1 -> RESP[random.nextInt(RESP.length)];
      case 2, 3 -> "PUSH " + mutated(random, job(session, n, random));
      case 4 -> "PUSH " + truncated(random, job(session, n, random));
      case 5 -> "PUSH {\"jid\":\"fz-" + session + "-" + n + "\",\"jobtype\":\"Fz\",\"args\":" + nested(random) + "}";
      case 6 -> "PUSH {\"jid\":\"fz-" + session + "-" + n + "\",\"jobtype\":\"Fz\",\"args\":["
          + HUGE[random.nextInt(HUGE.length)] + "]}";
      case 7 -> "PUSH {\"jid\":\"fz-" + session + "-" + n + "\",\"jid\":\"fz-" + session + "-" + n
          + "b\",\"jobtype\":\"Fz\",\"jobtype\":" + (random.nextBoolean() ? "1" : "\"Dup\"") + ",\"args\":[]}";
      case 8 -> VERBS[random.nextInt(VERBS.length)] + " " + mutated(random, "{\"jid\":\"fz-" + session + "\"}");
      case 9 -> withInvalidUtf8(random, job(session, n, random));
      case 10 -> "PUSH " + job(session, n, random) + "\0" + randomBytes(random, random.nextInt(4));
      default -> burst(random, session, n);
    };
  }

  private static String job(int session, int n, Random random) {
    return "{\"jid\":\"fz-" + session + "-" + n + "\",\"jobtype\":\"Fz\",\"args\":[" + random.nextInt(1000)
        + ",\"a\"],\"queue\":\"fz\",\"retry\":" + (random.nextInt(5) - 1) + "}";
  }

  private static String burst(Random random, int session, int n) {
    StringBuilder lines = new StringBuilder();
    int count = 2 + random.nextInt(30);
    for (int i = 0; i < count; i++) {
      lines.append(i > 0 ? "\r\n" : "").append("PUSH ").append(job(session, n * 100 + i, random));
    }
    return lines.toString();
  }

  private static String mutated(Random random, String json) {
    StringBuilder text = new StringBuilder(json);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(4)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, "{}[]\",:\\0-e.tfn \t".charAt(random.nextInt(17)));
        case 2 -> text.setCharAt(at, (char) (0x20 + random.nextInt(0x5f)));
        default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(8))));
      }
    }
    return text.toString();
  }

  private static String truncated(Random random, String text) {
    return text.substring(0, random.nextInt(text.length()));
  }

  private static String nested(Random random) {
    int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 3000);
    String open = random.nextBoolean() ? "[" : "{\"k\":";
    String close = open.equals("[") ? "]" : "}";
    return "[" + open.repeat(depth) + "1" + close.repeat(depth) + "]";
  }

  private static String withInvalidUtf8(Random random, String json) {
    String[] bad = {"\u00ff", "\u00fe", "\u00c0\u00af", "\u00ed\u00a0\u0080", "\u0080", "\u00e2\u0082", "\u00f4\u0090\u0080\u0080"};
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "PUSH " + json : "FOO" + json);
    text.insert(4 + random.nextInt(text.length() - 4), bad[random.nextInt(bad.length)]);
    return text.toString();
  }

  private static String randomBytes(Random random, int length) {
    StringBuilder bytes = new StringBuilder();
    int range = random.nextBoolean() ? 128 : 256;
    for (int i = 0; i < length; i++) {
      int b = random.nextInt(range);
      bytes.append((char) (b == '\n' || b == '\r' ? 0 : b));
    }
    return bytes.toString();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
