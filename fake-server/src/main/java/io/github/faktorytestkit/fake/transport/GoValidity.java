package io.github.faktorytestkit.fake.transport;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A certificate's validity read as Go's {@code parseValidity} reads it: two times, each a UTCTime or a
 * GeneralizedTime, with Go's messages. Go's reader ({@code cryptobyte}) parses each with {@code time.Parse} and keeps
 * it only when formatting it back gives the same text, so a time is read exactly when it is in the one form Go
 * writes: a UTCTime {@code YYMMDDhhmm[ss]} (years 69 to 99 in the 1900s, the others in the 2000s), a GeneralizedTime
 * {@code YYYYMMDDhhmmss}, then {@code Z} or an offset {@code +hhmm}/{@code -hhmm} other than zero (hours up to 24,
 * minutes up to 59), every field in range. Bytes after the two times are not read, as by Go.
 */
final class GoValidity {
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;
  private static final int OFFSET_LENGTH = 5;
  private static final int MAX_OFFSET_HOURS = 24;

  private GoValidity() {}

  /** Reads the validity's contents; throws Go's refusal. */
  static void read(DerCursor validity) {
    time(validity);
    time(validity);
  }

  private static void time(DerCursor validity) {
    if (validity.peek(UTC_TIME)) {
      String text = text(validity.read(UTC_TIME));
      if (text == null || !utcTime(text)) {
        throw KeyPairTexts.refusal(KeyPairTexts.MALFORMED_UTC_TIME);
      }
    } else if (validity.peek(GENERALIZED_TIME)) {
      String text = text(validity.read(GENERALIZED_TIME));
      if (text == null || !written(text, 4, 14)) {
        throw KeyPairTexts.refusal(KeyPairTexts.MALFORMED_GENERALIZED_TIME);
      }
    } else {
      throw KeyPairTexts.refusal(KeyPairTexts.UNSUPPORTED_TIME);
    }
  }

  private static String text(Optional<DerCursor> time) {
    return time.map(t -> new String(t.rest(), StandardCharsets.ISO_8859_1)).orElse(null);
  }

  /** With seconds when the two characters after the minutes are digits, else without (Go's second layout). */
  private static boolean utcTime(String text) {
    return digits(text, 10, 12) ? written(text, 2, 12) : written(text, 2, 10);
  }

  /** Whether {@code text} is a time as Go writes it: date and time in {@code length} digits, then the zone. */
  private static boolean written(String text, int yearDigits, int length) {
    if (!digits(text, 0, length) || !zone(text.substring(length))) {
      return false;
    }
    int year = number(text, 0, yearDigits);
    if (yearDigits == 2) {
      year += year >= 69 ? 1900 : 2000;
    }
    int at = yearDigits;
    int month = number(text, at, at + 2);
    if (month < 1 || month > 12) {
      return false;
    }
    int day = number(text, at + 2, at + 4);
    boolean seconds = length - at == 10;
    return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth() && number(text, at + 4, at + 6) < 24
        && number(text, at + 6, at + 8) < 60 && (!seconds || number(text, at + 8, at + 10) < 60);
  }

  /** {@code Z}, or a non-zero offset as Go writes it. */
  private static boolean zone(String zone) {
    if (zone.equals("Z")) {
      return true;
    }
    if (zone.length() != OFFSET_LENGTH || zone.charAt(0) != '+' && zone.charAt(0) != '-' || !digits(zone, 1, 5)) {
      return false;
    }
    int hours = number(zone, 1, 3);
    int minutes = number(zone, 3, 5);
    return hours <= MAX_OFFSET_HOURS && minutes < 60 && hours + minutes > 0;
  }

  private static boolean digits(String text, int from, int to) {
    if (text.length() < to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    return Integer.parseInt(text.substring(from, to));
  }
}
