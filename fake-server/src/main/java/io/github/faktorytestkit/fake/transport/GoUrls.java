package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import java.util.Optional;

/**
 * URIs read as Go's {@code url.Parse} reads them, as far as a certificate's subject alternative name needs: whether
 * Go takes the text, with its error's text when not, and the host it finds. That is: no control character, a scheme
 * (if any) of letters, digits, {@code +-.} after a letter, no colon in a relative URL's first segment, an authority
 * after {@code //} whose host is an IP literal in brackets ({@link GoIpAddresses}, not IPv4) or a name, then maybe a
 * port of digits after the last colon ({@code urlstrictcolons=0}, the default for Faktory's Go 1.25 module), in
 * which {@code %} escapes only non-ASCII bytes; user information of Go's characters; valid {@code %} escapes
 * everywhere.
 */
final class GoUrls {
  private static final String HOST_SYMBOLS = "!$&'()*+,;=:[]<>\"-_.~";
  private static final String USER_SYMBOLS = "-._:~!$&'()*+,;=%@";

  /**
   * What {@code url.Parse} made of a text.
   *
   * @param error its error's text, empty when it parsed
   * @param host the host (with its port), empty when there is none or it did not parse
   */
  record Parsed(Optional<String> error, String host) {
    static Parsed failed(String url, String reason) {
      return new Parsed(Optional.of(KeyPairTexts.urlError(url, reason)), "");
    }
  }

  /** A text {@code url.Parse} refuses, with Go's reason. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private GoUrls() {}

  /** Parses {@code raw} as {@code url.Parse} does. */
  static Parsed parse(String raw) {
    int hash = raw.indexOf('#');
    String url = hash < 0 ? raw : raw.substring(0, hash);
    String host;
    try {
      host = parseWithoutFragment(url);
    } catch (Refused e) {
      return Parsed.failed(url, e.getMessage());
    }
    try {
      if (hash >= 0) {
        unescape(raw.substring(hash + 1), Part.OTHER);
      }
    } catch (Refused e) {
      return Parsed.failed(raw, e.getMessage());
    }
    return new Parsed(Optional.empty(), host);
  }

  private static String parseWithoutFragment(String url) throws Refused {
    if (url.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
      throw new Refused("net/url: invalid control character in URL");
    }
    if (url.equals("*")) {
      return "";
    }
    int schemeEnd = schemeEnd(url);
    String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
    String rest = schemeEnd < 0 ? url : url.substring(schemeEnd + 1);
    int question = rest.indexOf('?');
    if (question >= 0) {
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return "";
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new Refused("first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      host = authority(slash < 0 ? authority : authority.substring(0, slash));
    }
    unescape(rest, Part.OTHER);
    return host;
  }

  /** Where {@code getScheme} ends the scheme (its colon), -1 when there is none. */
  private static int schemeEnd(String url) throws Refused {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      if (c == ':' && i == 0) {
        throw new Refused("missing protocol scheme");
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static String authority(String authority) throws Refused {
    int at = authority.lastIndexOf('@');
    String host = host(authority.substring(at + 1));
    if (at >= 0) {
      String user = authority.substring(0, at);
      if (!user.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || USER_SYMBOLS.indexOf(c) >= 0)) {
        throw new Refused("net/url: invalid userinfo");
      }
      int colon = user.indexOf(':');
      unescape(colon < 0 ? user : user.substring(0, colon), Part.OTHER);
      if (colon >= 0) {
        unescape(user.substring(colon + 1), Part.OTHER);
      }
    }
    return host;
  }

  /** {@code parseHost}: the host with its port, unescaped. */
  private static String host(String host) throws Refused {
    int open = host.lastIndexOf('[');
    if (open > 0) {
      throw new Refused("invalid IP-literal");
    }
    if (open == 0) {
      return ipLiteral(host);
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      port(host.substring(colon));
    }
    return unescape(host, Part.HOST);
  }

  private static String ipLiteral(String host) throws Refused {
    int close = host.lastIndexOf(']');
    if (close < 0) {
      throw new Refused("missing ']' in host");
    }
    String colonPort = host.substring(close + 1);
    port(colonPort);
    String port = unescape(colonPort, Part.HOST);
    String name = host.substring(1, close);
    int zone = name.indexOf("%25");
    String address = zone < 0 ? unescape(name, Part.HOST)
        : unescape(name.substring(0, zone), Part.HOST) + unescape(name.substring(zone), Part.ZONE);
    GoIpAddresses.Parsed parsed = GoIpAddresses.parse(address);
    if (parsed.error().isPresent()) {
      throw new Refused("invalid host: " + parsed.error().get());
    }
    if (parsed.ipv4()) {
      throw new Refused("invalid IP-literal");
    }
    return "[" + address + "]" + port;
  }

  /** {@code validOptionalPort}: empty, or a colon and digits. */
  private static void port(String colonPort) throws Refused {
    if (!colonPort.isEmpty()
        && (colonPort.charAt(0) != ':' || !colonPort.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
      throw new Refused("invalid port " + GoQuote.quote(colonPort) + " after host");
    }
  }

  /** Where a text is unescaped: {@code encodeHost}, {@code encodeZone} or elsewhere (the path, user, fragment). */
  private enum Part { HOST, ZONE, OTHER }

  /**
   * {@code unescape}: every {@code %} followed by two hexadecimal digits; in a host only non-ASCII bytes escaped
   * (and {@code %25}), in a zone only what a host may hold unescaped (and a space, and {@code %25}), and in both
   * only Go's host characters unescaped.
   */
  private static String unescape(String s, Part part) throws Refused {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int value = escaped(s, i);
        boolean percent = s.startsWith("%25", i);
        if (part == Part.HOST && value < 0x80 && !percent
            || part == Part.ZONE && !percent && value != ' ' && (value >= 0x80 || !hostCharacter((char) value))) {
          throw escapeError(s.substring(i, i + 3));
        }
        out.append((char) value);
        i += 2;
      } else {
        if (part != Part.OTHER && !hostCharacter(c)) {
          throw new Refused("invalid character " + GoQuote.quote(String.valueOf(c)) + " in host name");
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The byte {@code %XY} at {@code i} stands for; refuses a {@code %} without two hexadecimal digits. */
  private static int escaped(String s, int i) throws Refused {
    if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
      throw escapeError(s.substring(i, Math.min(s.length(), i + 3)));
    }
    return hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2));
  }

  private static int hex(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  private static Refused escapeError(String escape) {
    return new Refused("invalid URL escape " + GoQuote.quote(escape));
  }

  /** What {@code shouldEscape(c, encodeHost)} lets through: letters, digits and Go's host symbols (or non-ASCII). */
  private static boolean hostCharacter(char c) {
    return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || HOST_SYMBOLS.indexOf(c) >= 0;
  }
}
