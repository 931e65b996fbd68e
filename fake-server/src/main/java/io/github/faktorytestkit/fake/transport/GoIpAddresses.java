package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import java.util.Optional;

/**
 * IP addresses read as Go's {@code netip.ParseAddr} reads them, with its messages: IPv4 as four decimal fields
 * without leading zeros, IPv6 as up to eight groups of up to four hexadecimal digits with at most one {@code ::}
 * (standing for one group or more) and maybe an IPv4 address for the last two, then maybe a non-empty zone after
 * {@code %}. Used for URIs' hosts ({@link GoUrls}) and URI name constraints ({@link GoGeneralNames}).
 */
final class GoIpAddresses {
  private static final int IPV6_BYTES = 16;
  private static final int MAX_GROUP_DIGITS = 4;
  private static final int IPV4_FIELDS = 4;
  private static final int MAX_OCTET = 255;

  /**
   * What {@code ParseAddr} made of a text.
   *
   * @param error its error's text, empty when it is an address
   * @param ipv4 whether it is an IPv4 address
   * @param zoned whether it has a zone
   */
  record Parsed(Optional<String> error, boolean ipv4, boolean zoned) {}

  private GoIpAddresses() {}

  /** Whether Go's {@code net.ParseIP} takes {@code text}: an address without a zone. */
  static boolean valid(String text) {
    Parsed parsed = parse(text);
    return parsed.error().isEmpty() && !parsed.zoned();
  }

  /** Parses {@code text} as {@code netip.ParseAddr} does. */
  static Parsed parse(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '.' -> {
          return new Parsed(ipv4(text, 0, text.length()), true, false);
        }
        case ':' -> {
          return ipv6(text);
        }
        case '%' -> {
          return failed(error(text, "missing IPv6 address", ""));
        }
        default -> {
          // keep looking
        }
      }
    }
    return failed(error(text, "unable to parse IP", ""));
  }

  private static Parsed failed(String error) {
    return new Parsed(Optional.of(error), false, false);
  }

  /** {@code parseIPv4Fields} of {@code in} from {@code start} to {@code end}: the error, if any. */
  private static Optional<String> ipv4(String in, int start, int end) {
    String s = in.substring(start, end);
    int value = 0;
    int digits = 0;
    int fields = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          return Optional.of(error(in, "IPv4 field has octet with leading zero", ""));
        }
        value = value * 10 + c - '0';
        digits++;
        if (value > MAX_OCTET) {
          return Optional.of(error(in, "IPv4 field has value >255", ""));
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          return Optional.of(error(in, "IPv4 field must have at least one digit", s.substring(i)));
        }
        if (fields == IPV4_FIELDS - 1) {
          return Optional.of(error(in, "IPv4 address too long", ""));
        }
        fields++;
        value = 0;
        digits = 0;
      } else {
        return Optional.of(error(in, "unexpected character", s.substring(i)));
      }
    }
    return fields < IPV4_FIELDS - 1 ? Optional.of(error(in, "IPv4 address too short", "")) : Optional.empty();
  }

  private static Parsed ipv6(String in) {
    String s = in;
    int percent = in.indexOf('%');
    boolean zoned = percent >= 0;
    if (zoned) {
      if (percent == in.length() - 1) {
        return failed(error(in, "zone must be a non-empty string", ""));
      }
      s = in.substring(0, percent);
    }
    Optional<String> error = groups(in, s, zoned ? percent : in.length());
    return new Parsed(error, false, zoned);
  }

  /** The groups of {@code s}, the address part of {@code in} (which ends at {@code end}): the error, if any. */
  private static Optional<String> groups(String in, String s, int end) {
    int ellipsis = -1;
    if (s.startsWith("::")) {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return Optional.empty();
      }
    }
    int i = 0;
    while (i < IPV6_BYTES) {
      int off = 0;
      int value = 0;
      for (; off < s.length() && Character.digit(s.charAt(off), 16) >= 0 && s.charAt(off) < 0x80; off++) {
        value = (value << 4) + Character.digit(s.charAt(off), 16);
        if (off >= MAX_GROUP_DIGITS) {
          return Optional.of(error(in, "each group must have 4 or less digits", s));
        }
      }
      if (off == 0) {
        return Optional.of(error(in, "each colon-separated field must have at least one digit", s));
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          return Optional.of(error(in, "embedded IPv4 address must replace the final 2 fields of the address", s));
        }
        if (i + IPV4_FIELDS > IPV6_BYTES) {
          return Optional.of(error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s));
        }
        Optional<String> ipv4 = ipv4(in, end - s.length(), end);
        if (ipv4.isPresent()) {
          return ipv4;
        }
        s = "";
        i += IPV4_FIELDS;
        break;
      }
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        return Optional.of(error(in, "unexpected character, want colon", s));
      } else if (s.length() == 1) {
        return Optional.of(error(in, "colon must be followed by more characters", s));
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return Optional.of(error(in, "multiple :: in address", s));
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return Optional.of(error(in, "trailing garbage after address", s));
    }
    if (i < IPV6_BYTES && ellipsis < 0) {
      return Optional.of(error(in, "address string too short", ""));
    }
    if (i == IPV6_BYTES && ellipsis >= 0) {
      return Optional.of(error(in, "the :: must expand to at least one field of zeros", ""));
    }
    return Optional.empty();
  }

  /** {@code parseAddrError}'s text. */
  private static String error(String in, String message, String at) {
    String text = "ParseAddr(" + GoQuote.quote(in) + "): " + message;
    return at.isEmpty() ? text : text + " (at " + GoQuote.quote(at) + ")";
  }
}
