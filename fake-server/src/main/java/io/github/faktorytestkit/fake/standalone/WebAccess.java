package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * The guards Faktory's Web UI puts in front of its pages, in its order: cross-origin protection (Go 1.25's
 * {@code CrossOriginProtection}), then HTTP Basic auth with any user name when the server has a password.
 */
final class WebAccess {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

  private WebAccess() {}

  /** Returns whether the request may proceed; when not, the refusal has been sent. */
  static boolean allowed(HttpExchange exchange, String password) throws IOException {
    String crossOrigin = crossOriginRefusal(exchange);
    if (crossOrigin != null) {
      HttpResponses.error(exchange, 403, crossOrigin);
      return false;
    }
    String authRefusal = password.isEmpty() ? null : authRefusal(exchange, password);
    if (authRefusal != null) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Faktory\"");
      HttpResponses.error(exchange, 401, authRefusal);
      return false;
    }
    return true;
  }

  private static String crossOriginRefusal(HttpExchange exchange) {
    if (SAFE_METHODS.contains(exchange.getRequestMethod())) {
      return null;
    }
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.isEmpty()) {
      return SAME_SITE.contains(site) ? null : "cross-origin request detected from Sec-Fetch-Site header";
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null || origin.isEmpty() || hostOf(origin).equals(exchange.getRequestHeaders().getFirst("Host"))) {
      return null;
    }
    return "cross-origin request detected, and/or browser is out of date: "
        + "Sec-Fetch-Site is missing, and Origin does not match Host";
  }

  private static String hostOf(String origin) {
    try {
      return URI.create(origin).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String authRefusal(HttpExchange exchange, String password) {
    String given = basicAuthPassword(exchange.getRequestHeaders().getFirst("Authorization"));
    if (given == null) {
      return "Authorization required";
    }
    boolean same = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8));
    return same ? null : "Authorization failed";
  }

  /** Returns the password of a Basic {@code Authorization} header, or null when there is none. */
  private static String basicAuthPassword(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? null : credentials.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
