package io.github.faktorytestkit.recording;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a scenario's steps work with: connections through the recording proxy, and the real server's web UI. */
record ScenarioContext(URI proxy, URI web, String version, String password) {
  private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

  /** Opens a new connection through the proxy. */
  RawWire connect() {
    return RawWire.open(proxy);
  }

  /**
   * Sends the web UI's {@code POST /busy} (quiet or terminate a worker, as a click on the Busy page would). Before
   * 1.9.4 the web UI wants the CSRF token of its form (nosurf) and the cookie that goes with it: they are read from
   * {@code GET /busy} first; nosurf 1.2 (Faktory 1.9.3) also wants a same-origin request, as a browser says.
   */
  void busy(String wid, String signal) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = http.send(authorized(HttpRequest.newBuilder(web.resolve("/busy")).GET()),
        HttpResponse.BodyHandlers.ofString());
    Matcher token = CSRF_TOKEN.matcher(page.body());
    String form = "wid=" + wid + "&signal=" + signal
        + (token.find() ? "&csrf_token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "");
    HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(web.resolve("/busy"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "same-origin")
        .POST(HttpRequest.BodyPublishers.ofString(form))), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 302 && response.statusCode() != 200) {
      throw new IllegalStateException("POST /busy: HTTP " + response.statusCode() + " " + response.body());
    }
  }

  private HttpRequest authorized(HttpRequest.Builder request) {
    if (password != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  /** Returns whether this version's server is older than {@code release} (dotted numbers). */
  boolean before(String release) {
    return Versions.compare(version, release) < 0;
  }
}
