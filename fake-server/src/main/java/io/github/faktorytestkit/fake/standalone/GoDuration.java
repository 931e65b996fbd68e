package io.github.faktorytestkit.fake.standalone;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration} for non-negative durations: {@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 250ms}. */
final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Returns the duration {@code text} names; throws {@link IllegalArgumentException} naming it otherwise. */
  static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("duration: missing (expected: a Go duration such as 30s or 1h30m)");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher part = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
      end = part.end();
    }
    if (end != text.length()) {
      throw new IllegalArgumentException(
          "duration: \"" + text + "\" (expected: a non-negative Go duration such as 30s or 1h30m)");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
