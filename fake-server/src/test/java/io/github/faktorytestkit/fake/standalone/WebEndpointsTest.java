package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.protocol.WorkerState;
import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.transport.TestKeys;
import io.github.faktorytestkit.protocol.JobJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web endpoints over HTTP, and over the fake's own TLS (relayed to the HTTP server behind it) when the
 * configuration directory holds a TLS pair; WebTlsIT (conformance-tests) compares that TLS with real Faktory's.
 */
@Timeout(20)
class WebEndpointsTest {
  private static final Binding LOOPBACK = Binding.parse("127.0.0.1:0");

  private static final String CERTIFICATE = TestKeys.pem("ec.cert.pem");

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir
  Path config;
  private StandaloneServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void healthAnswersFaktorysShapeWithoutAuth() throws Exception {
    start("secret");
    HttpResponse<String> response = http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode health = JobJson.mapper().readTree(response.body());
    assertThat(fieldNames(health)).containsExactly("now", "server");
    assertThat(fieldNames(health.get("server")))
        .containsExactly("command_count", "connections", "description", "faktory_version");
    assertThat(health.at("/server/description").asText()).isEqualTo("Faktory");
    assertThat(health.at("/server/faktory_version").asText()).isEqualTo("1.9.4");
    assertThat(health.get("now").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
  }

  @Test
  void healthCountsHandshakenConnectionsAndCommands() throws Exception {
    start("");
    try (FaktoryClient client = FaktoryClient.connect(server.faktory().url().toString())) {
      client.info();
      JsonNode health = JobJson.mapper().readTree(
          http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.ofString()).body());

      assertThat(health.at("/server/connections").asLong()).isEqualTo(1);
      assertThat(health.at("/server/command_count").asLong()).isEqualTo(1);
    }
  }

  @Test
  void busyQuietsTheNamedWorkerOnItsNextBeat() throws Exception {
    start("");
    try (FaktoryClient quiet = worker("w1"); FaktoryClient busy = worker("w2")) {
      assertThat(post("wid=w1&signal=quiet", Optional.empty()).statusCode()).isEqualTo(302);

      assertThat(quiet.beat()).isEqualTo(WorkerState.QUIET);
      assertThat(busy.beat()).isEqualTo(WorkerState.RUNNING);
      post("wid=all&signal=terminate", Optional.empty());
      assertThat(busy.beat()).isEqualTo(WorkerState.TERMINATE);
    }
  }

  @Test
  void busyRedirectsToBusyLikeTheWebUi() throws Exception {
    start("");
    HttpResponse<String> response = post("wid=all&signal=quiet", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/busy");
  }

  @Test
  void busyRefusesAnUnknownSignal() throws Exception {
    start("");
    HttpResponse<String> response = post("wid=w1&signal=stop", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("Invalid signal: stop\n");
  }

  @Test
  void busyRequiresBasicAuthWithTheServerPasswordAndAnyUser() throws Exception {
    start("secret");

    assertThat(post("wid=all&signal=quiet", Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(post("wid=all&signal=quiet", Optional.of(basic("anyone", "wrong"))).body())
        .isEqualTo("Authorization failed\n");
    assertThat(post("wid=all&signal=quiet", Optional.of(basic("anyone", "secret"))).statusCode()).isEqualTo(302);
  }

  @Test
  void busyRefusesCrossSiteRequests() throws Exception {
    start("");
    HttpRequest crossSite = request("/busy").header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString("wid=all&signal=quiet"))
        .build();

    assertThat(http.send(crossSite, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    start("");
    HttpResponse<String> response = http.send(request("/queues").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void healthIsServedOverTls13() throws Exception {
    startWithTls();
    String response = exchange("TLSv1.3", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("\"faktory_version\":\"1.9.4\"");
  }

  @Test
  void busyGetsItsFormOverTls12() throws Exception {
    startWithTls();
    String quiet = exchange("TLSv1.2", rawPost("wid=all&signal=quiet"));
    String unknown = exchange("TLSv1.2", rawPost("wid=all&signal=pause"));

    assertThat(quiet).startsWith("HTTP/1.1 302 ");
    assertThat(unknown).startsWith("HTTP/1.1 500 ").endsWith("Invalid signal: pause\n");
  }

  /** Go's {@code net/http} answers a plain HTTP request on its TLS port without TLS, then closes. */
  @Test
  void plainHttpGetsGosBadRequest() throws Exception {
    startWithTls();
    InetSocketAddress web = server.webAddress().orElseThrow();
    try (Socket socket = new Socket(web.getAddress(), web.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
    }
  }

  private void start(String password) throws StartupException {
    start(password, Optional.empty());
  }

  private void start(String password, Optional<TlsFiles> tls) throws StartupException {
    server = StandaloneServer.start(LOOPBACK, Optional.of(LOOPBACK), password, tls, false,
        new ServerLog(System.out, "info", java.time.Clock.systemUTC()));
  }

  private void startWithTls() throws Exception {
    Files.writeString(config.resolve(TlsFiles.CERTIFICATE_FILE), CERTIFICATE);
    Files.writeString(config.resolve(TlsFiles.PRIVATE_KEY_FILE), TestKeys.pem("ec-sec1.key.pem"));
    start("", TlsFiles.read(config));
  }

  private FaktoryClient worker(String wid) {
    return FaktoryClient.builder().url(server.faktory().url()).wid(wid).connect();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.webAddress().orElseThrow().getPort() + path));
  }

  private HttpResponse<String> post(String form, Optional<String> authorization) throws Exception {
    HttpRequest.Builder builder = request("/busy").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String rawPost(String form) {
    return "POST /busy HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
  }

  /** Sends {@code request} over {@code protocol} and returns all the server sends until it closes. */
  private String exchange(String protocol, String request) throws Exception {
    InetSocketAddress web = server.webAddress().orElseThrow();
    try (SSLSocket socket = (SSLSocket) TestKeys.trusting(CERTIFICATE).getSocketFactory()
        .createSocket(web.getAddress(), web.getPort())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = read(socket);
      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      return response;
    }
  }

  private static String read(SSLSocket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
