package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Where a Faktory server is and how to reach it, in the official clients' URL form:
 * {@code tcp://[[username]:password@]host[:port]}, or {@code tcp+tls://...} for TLS. The port defaults to 7419.
 *
 * <p>{@link #toString()} hides the password. Immutable and thread-safe.
 *
 * @param tls whether the server speaks TLS ({@code tcp+tls})
 * @param host the host name or address (IPv6 without brackets)
 * @param port the port
 * @param username the user name (ignored by Faktory, meant for routing proxies), or null
 * @param password the password, or null when the server has none
 */
public record FaktoryUrl(boolean tls, String host, int port, String username, String password) {
  /** The protocol port Faktory listens on by default. */
  public static final int DEFAULT_PORT = 7419;
  /** The default server when no environment variable says otherwise: {@code tcp://localhost:7419}. */
  public static final FaktoryUrl LOCALHOST = new FaktoryUrl(false, "localhost", DEFAULT_PORT, null, null);

  private static final String EXPECTED = "expected: tcp://[:password@]host[:port] or tcp+tls://...";

  /** Creates the value; rejects an empty host or a port outside 1..65535. */
  public FaktoryUrl {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("host, port: " + host + ", " + port + " (expected: a host, 1..65535)");
    }
  }

  /**
   * Parses {@code url}; user name and password may be percent-encoded (a space as {@code %20}).
   *
   * @throws IllegalArgumentException when {@code url} is not of the form above, naming what is wrong (a port out of
   *     range, a space, a path, a bad percent escape, ...); the message hides the password and keeps no cause
   */
  public static FaktoryUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    int schemeEnd = url.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
    if (!scheme.equals("tcp") && !scheme.equals("tcp+tls")) {
      throw invalid(url);
    }
    String authority = url.substring(schemeEnd + 3);
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    try {
      requireNoWhitespace(userInfo, "user info", "percent-encoded, a space as %20");
      requireNoWhitespace(hostPort, "host or port", "none");
      return withHostAndPort(scheme.equals("tcp+tls"), hostPort, userInfo);
    } catch (IllegalArgumentException e) {
      // the problem names a part, never its text: the URL may hold a password
      throw new IllegalArgumentException("url: " + hideUserInfo(url) + " (" + e.getMessage() + ")");
    }
  }

  /** Returns the server named by this process's environment; see {@link #fromEnvironment(Map)}. */
  public static FaktoryUrl fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Returns the server named by {@code env} as the official clients read it: {@code FAKTORY_PROVIDER} names the
   * variable holding the URL; without it {@code FAKTORY_URL} holds the URL; without either,
   * {@link #LOCALHOST}.
   *
   * @throws IllegalArgumentException when FAKTORY_PROVIDER holds a URL or names an unset variable, or the URL is
   *     invalid (the message names the variable)
   */
  public static FaktoryUrl fromEnvironment(Map<String, String> env) {
    String provider = env.get("FAKTORY_PROVIDER");
    if (provider == null) {
      String url = env.get("FAKTORY_URL");
      return url == null || url.isEmpty() ? LOCALHOST : parse("FAKTORY_URL", url);
    }
    if (provider.contains(":")) {
      throw new IllegalArgumentException("FAKTORY_PROVIDER: a URL (expected: the name of the variable holding the"
          + " URL, e.g. FAKTORY_PROVIDER=FOO_URL and FOO_URL=tcp://:password@faktory.example.com:7419)");
    }
    String url = env.get(provider);
    if (url == null) {
      throw new IllegalArgumentException("FAKTORY_PROVIDER: " + provider + " (expected: the name of a set variable)");
    }
    return parse(provider, url);
  }

  private static FaktoryUrl parse(String variable, String url) {
    try {
      return parse(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + ": " + e.getMessage());
    }
  }

  /**
   * Returns {@code url} safe to print: as {@link #toString()} shows it when it parses, else with everything between
   * the scheme and the last {@code @} replaced by {@code ***}.
   */
  public static String mask(String url) {
    try {
      return parse(url).toString();
    } catch (IllegalArgumentException e) {
      return hideUserInfo(url);
    }
  }

  /** Returns this URL with {@code password} (null for none). */
  public FaktoryUrl withPassword(String password) {
    return new FaktoryUrl(tls, host, port, username, password);
  }

  /** Returns the URL text with the password replaced by {@code ***}. */
  @Override
  public String toString() {
    String user = username == null ? "" : username;
    String userInfo = password != null ? user + ":***@" : username != null ? user + "@" : "";
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (tls ? "tcp+tls" : "tcp") + "://" + userInfo + shownHost + ":" + port;
  }

  private static FaktoryUrl withHostAndPort(boolean tls, String hostPort, String userInfo) {
    boolean bracketed = hostPort.startsWith("[");
    int hostEnd = bracketed ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
    if (hostEnd < 0) {
      hostEnd = hostPort.length();
    }
    if (bracketed && hostEnd == 0) {
      throw new IllegalArgumentException("an IPv6 host without its closing ]; expected: [address]");
    }
    String host = bracketed ? hostPort.substring(1, hostEnd - 1) : hostPort.substring(0, hostEnd);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host; expected: tcp://[:password@]host[:port]");
    }
    if (hostPort.matches(".*[/?#].*")) {
      throw new IllegalArgumentException("a path or query after the host; expected: none");
    }
    if (!bracketed && host.contains(":")) {
      throw new IllegalArgumentException("an IPv6 host without brackets; expected: [address]");
    }
    String portPart = hostPort.substring(hostEnd);
    int port = portPart.isEmpty() ? DEFAULT_PORT : parsePort(portPart);
    if (userInfo == null) {
      return new FaktoryUrl(tls, host, port, null, null);
    }
    int colon = userInfo.indexOf(':');
    String user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1));
    return new FaktoryUrl(tls, host, port, user.isEmpty() ? null : user, password);
  }

  private static int parsePort(String colonAndPort) {
    if (!colonAndPort.startsWith(":")) {
      throw new IllegalArgumentException("text after the IPv6 host; expected: ]:port or ] at the end");
    }
    String digits = colonAndPort.substring(1);
    if (!digits.matches("[0-9]+")) {
      throw new IllegalArgumentException("port \"" + digits + "\" is not a number; expected: 1..65535");
    }
    if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
      throw new IllegalArgumentException("port " + digits + " is out of range; expected: 1..65535");
    }
    return Integer.parseInt(digits);
  }

  private static void requireNoWhitespace(String part, String name, String expected) {
    if (part == null) {
      return;
    }
    for (char c : part.toCharArray()) {
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        String what = c == ' ' ? "a space" : c == '\t' ? "a tab" : c == '\n' || c == '\r' ? "a line break"
            : "a control character";
        throw new IllegalArgumentException(what + " in the " + name + "; expected: " + expected);
      }
    }
  }

  private static String percentDecode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%') {
        if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
          throw new IllegalArgumentException("a bad percent escape in the user info; expected: % and two hex"
              + " digits, e.g. %40 for @");
        }
        out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 3;
      } else {
        int codePoint = text.codePointAt(i);
        out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static IllegalArgumentException invalid(String url) {
    return new IllegalArgumentException("url: " + hideUserInfo(url) + " (" + EXPECTED + ")");
  }

  private static String hideUserInfo(String url) {
    int at = url.lastIndexOf('@');
    int schemeEnd = url.indexOf("://");
    return at > schemeEnd && schemeEnd >= 0 ? url.substring(0, schemeEnd + 3) + "***" + url.substring(at) : url;
  }
}
