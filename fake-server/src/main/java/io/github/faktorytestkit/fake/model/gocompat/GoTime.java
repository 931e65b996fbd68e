package io.github.faktorytestkit.fake.model.gocompat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Go's {@code time.RFC3339Nano} handling, as Faktory uses it for every timestamp: formatting in UTC with the
 * fraction's trailing zeros trimmed, and parsing with Go's lenient layout parser and its exact error messages
 * ({@code parsing time "x" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "x" as "2006"}). Thread-safe.
 */
public final class GoTime {
  /** Go's RFC3339Nano layout string, as it appears in parse errors. */
  public static final String LAYOUT = "2006-01-02T15:04:05.999999999Z07:00";

  private static final Pattern STRICT_RFC3339 =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

  /**
   * The last second {@link #format} wrote, as text up to its seconds: every stamp of that second shares it (PUSH
   * stamps thousands of jobs a second). Replaced whole, so a racing reader sees one second's pair or the other's.
   */
  private static volatile SecondText lastSecond = new SecondText(Long.MIN_VALUE, "");

  private GoTime() {}

  /** Returns {@code instant} in UTC in Go's RFC3339Nano form, e.g. {@code 2026-02-19T12:34:56.1234Z}. */
  public static String format(Instant instant) {
    SecondText second = lastSecond;
    if (second.epochSecond() != instant.getEpochSecond()) {
      second = new SecondText(instant.getEpochSecond(), formatSecond(instant));
      lastSecond = second;
    }
    StringBuilder out = new StringBuilder(second.text().length() + 11).append(second.text());
    int fraction = instant.getNano();
    if (fraction != 0) {
      int digits = 9;
      for (; fraction % 10 == 0; fraction /= 10) {
        digits--;
      }
      appendPadded(out.append('.'), fraction, digits);
    }
    return out.append('Z').toString();
  }

  /** Returns {@code instant} in UTC up to its whole seconds, e.g. {@code 2026-02-19T12:34:56}. */
  private static String formatSecond(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(20);
    int year = t.getYear();
    if (year < 0) {
      out.append('-');
    }
    appendPadded(out, Math.abs(year), 4);
    out.append('-');
    appendPadded(out, t.getMonthValue(), 2);
    out.append('-');
    appendPadded(out, t.getDayOfMonth(), 2);
    return appendClock(out.append('T'), t).toString();
  }

  /** Returns the UTC wall-clock time of {@code instant} as Go's {@code "15:04:05 UTC"} layout formats it. */
  public static String formatClock(Instant instant) {
    return appendClock(new StringBuilder(12), LocalDateTime.ofInstant(instant, ZoneOffset.UTC)).append(" UTC")
        .toString();
  }

  /**
   * Parses {@code text} as Go's {@code time.Parse(time.RFC3339Nano, text)} does, leniencies included (one-digit
   * hour, comma before the fraction, more than nine fraction digits).
   *
   * @throws GoTimeException with Go's error message when Go rejects the text
   */
  public static Instant parse(String text) throws GoTimeException {
    return new GoTimeParser(text).parse();
  }

  /**
   * Parses {@code text} as Go's strict RFC 3339 reader ({@code time.Time.UnmarshalJSON}) does.
   *
   * @throws GoTimeException when Go rejects the text (the message is not Go's)
   */
  public static Instant parseStrictRfc3339(String text) throws GoTimeException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    if (!STRICT_RFC3339.matcher(s).matches()
        || Integer.parseInt(s.substring(11, 13)) > 23) {
      throw new GoTimeException("parsing time " + GoTimeParser.quote(s) + ": not RFC 3339");
    }
    if (s.endsWith("Z") || Integer.parseInt(s.substring(s.length() - 5, s.length() - 3)) <= 23
        && Integer.parseInt(s.substring(s.length() - 2)) <= 59) {
      return parse(text);
    }
    throw new GoTimeException("parsing time " + GoTimeParser.quote(s) + ": time zone offset out of range");
  }

  private static StringBuilder appendClock(StringBuilder out, LocalDateTime t) {
    appendPadded(out, t.getHour(), 2);
    appendPadded(out.append(':'), t.getMinute(), 2);
    appendPadded(out.append(':'), t.getSecond(), 2);
    return out;
  }

  /** Appends {@code value} (not negative) in decimal with zeros in front to {@code width} digits. */
  private static void appendPadded(StringBuilder out, int value, int width) {
    for (int i = 1, limit = 10; i < width; i++, limit *= 10) {
      if (value < limit) {
        out.append('0');
      }
    }
    out.append(value);
  }

  /** The text of one second up to its seconds, and which second it is. */
  private record SecondText(long epochSecond, String text) {}
}
