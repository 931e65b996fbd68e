package io.github.faktorytestkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * What every real server has in common: time is the wall clock, waits are slept out, and workers are signalled
 * through the Web UI ({@code POST /busy}, with HTTP Basic auth when the server has a password).
 */
abstract class RealTarget implements Target {
  private static final HttpClient WEB = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Returns the Web UI's base URL, {@code http://127.0.0.1:WEBPORT}. */
  abstract URI webUrl();

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void elapse(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting " + duration + " pass on " + name(), e);
    }
  }

  @Override
  public <T> T blockingFetch(Supplier<T> fetch) {
    return fetch.get();
  }

  @Override
  public void quiet(String wid) {
    signal(wid, "quiet");
  }

  @Override
  public void terminate(String wid) {
    signal(wid, "terminate");
  }

  private void signal(String wid, String signal) {
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(webUrl() + "/busy"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("wid=" + wid + "&signal=" + signal));
    if (password() != null) {
      String credentials = "testkit:" + password();
      post.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = send(post.build());
    if (response.statusCode() != 302) {
      throw new IllegalStateException("POST " + webUrl() + "/busy " + signal + " for " + wid + ": status "
          + response.statusCode() + " (expected: 302) " + response.body());
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return WEB.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + request.uri(), e);
    }
  }
}
