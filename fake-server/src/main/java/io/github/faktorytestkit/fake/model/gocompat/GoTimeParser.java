package io.github.faktorytestkit.fake.model.gocompat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Go's layout-driven {@code time.Parse} specialised to the RFC3339Nano layout. Works on the UTF-8 bytes of the
 * value (one char per byte) so that lengths and offsets match Go's. One instance per parse; not thread-safe.
 */
final class GoTimeParser {
  private final String value;
  private String rest;
  private int year;
  private int month;
  private int day;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private int offsetSeconds;

  GoTimeParser(String text) {
    this.value = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    this.rest = value;
  }

  Instant parse() throws GoTimeException {
    year = fourDigitYear();
    month = twoDigits("-", "01", 1, 12, "month");
    day = twoDigits("-", "02", 0, 99, null);
    skip("T");
    hour = oneOrTwoDigitHour();
    minute = twoDigits(":", "04", 0, 59, "minute");
    second = twoDigits(":", "05", 0, 59, "second");
    fraction();
    zone();
    if (!rest.isEmpty()) {
      throw error(": extra text: " + quote(rest));
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw error(": day out of range");
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    return local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
  }

  private int fourDigitYear() throws GoTimeException {
    if (rest.length() < 4 || !allDigits(rest.substring(0, 4))) {
      throw cannotParse(rest, "2006");
    }
    int parsed = Integer.parseInt(rest.substring(0, 4));
    rest = rest.substring(4);
    return parsed;
  }

  private int twoDigits(String prefix, String element, int min, int max, String rangeName) throws GoTimeException {
    skip(prefix);
    String hold = rest;
    if (!isDigit(0) || !isDigit(1)) {
      throw cannotParse(hold, element);
    }
    int parsed = Integer.parseInt(rest.substring(0, 2));
    rest = rest.substring(2);
    if (rangeName != null && (parsed < min || parsed > max)) {
      throw error(": " + rangeName + " out of range");
    }
    return parsed;
  }

  private int oneOrTwoDigitHour() throws GoTimeException {
    String hold = rest;
    if (!isDigit(0)) {
      throw cannotParse(hold, "15");
    }
    int length = isDigit(1) ? 2 : 1;
    int parsed = Integer.parseInt(rest.substring(0, length));
    rest = rest.substring(length);
    if (parsed >= 24) {
      throw error(": hour out of range");
    }
    return parsed;
  }

  private void fraction() {
    if (rest.length() < 2 || (rest.charAt(0) != '.' && rest.charAt(0) != ',') || !isDigit(1)) {
      return;
    }
    int end = 1;
    while (end < rest.length() && isDigit(end)) {
      end++;
    }
    String digits = rest.substring(1, Math.min(end, 10));
    nanos = Integer.parseInt(digits) * (int) Math.pow(10, 9 - digits.length());
    rest = rest.substring(end);
  }

  private void zone() throws GoTimeException {
    if (rest.startsWith("Z")) {
      rest = rest.substring(1);
      return;
    }
    String hold = rest;
    if (rest.length() < 6 || rest.charAt(3) != ':') {
      throw cannotParse(hold, "Z07:00");
    }
    boolean hoursValid = twoDigitsAt(1);
    boolean minutesValid = hoursValid && twoDigitsAt(4);
    int hours = hoursValid ? Integer.parseInt(rest.substring(1, 3)) : 0;
    int minutes = minutesValid ? Integer.parseInt(rest.substring(4, 6)) : 0;
    char sign = rest.charAt(0);
    rest = rest.substring(6);
    if (minutes > 60) {
      throw error(": time zone offset minute out of range");
    }
    if (hours > 24) {
      throw error(": time zone offset hour out of range");
    }
    if (!minutesValid || (sign != '+' && sign != '-')) {
      throw cannotParse(hold, "Z07:00");
    }
    offsetSeconds = (sign == '-' ? -1 : 1) * (hours * 60 + minutes) * 60;
  }

  private void skip(String prefix) throws GoTimeException {
    if (!rest.startsWith(prefix)) {
      int matched = 0;
      while (matched < prefix.length() && matched < rest.length() && rest.charAt(matched) == prefix.charAt(matched)) {
        matched++;
      }
      throw cannotParse(rest.substring(matched), prefix);
    }
    rest = rest.substring(prefix.length());
  }

  private boolean twoDigitsAt(int index) {
    return isDigit(index) && isDigit(index + 1);
  }

  private boolean isDigit(int index) {
    return index < rest.length() && rest.charAt(index) >= '0' && rest.charAt(index) <= '9';
  }

  private static boolean allDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private GoTimeException cannotParse(String valueElement, String layoutElement) {
    return new GoTimeException("parsing time " + quote(value) + " as " + quote(GoTime.LAYOUT) + ": cannot parse "
        + quote(valueElement) + " as " + quote(layoutElement));
  }

  private GoTimeException error(String message) {
    return new GoTimeException("parsing time " + quote(value) + message);
  }

  /** Quotes bytes (one char each) as Go's time package does: {@code \xHH} for controls and non-ASCII bytes. */
  static String quote(String bytes) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : bytes.toCharArray()) {
      if (c >= 0x80 || c < ' ') {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      } else {
        out.append(c == '"' || c == '\\' ? "\\" : "").append(c);
      }
    }
    return out.append('"').toString();
  }
}
