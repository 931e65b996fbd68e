package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.transport.TestKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a TLS pair in the configuration directory the web endpoints are served over the fake's own TLS, relayed to
 * the HTTP server behind it (TlsIT, conformance-tests, compares that TLS with real Faktory's); without, as plain HTTP
 * ({@link WebEndpointsTest}).
 */
@Timeout(20)
class WebEndpointsTlsTest {
  private static final Binding LOOPBACK = Binding.parse("127.0.0.1:0");
  private static final String CERTIFICATE = TestKeys.pem("ec.cert.pem");

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
  void healthIsServedOverTls13() throws Exception {
    start();
    String response = exchange("TLSv1.3", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("\"faktory_version\":\"1.9.4\"");
  }

  @Test
  void busyGetsItsFormOverTls12() throws Exception {
    start();
    String quiet = exchange("TLSv1.2", post("wid=all&signal=quiet"));
    String unknown = exchange("TLSv1.2", post("wid=all&signal=pause"));

    assertThat(quiet).startsWith("HTTP/1.1 302 ");
    assertThat(unknown).startsWith("HTTP/1.1 500 ").endsWith("Invalid signal: pause\n");
  }

  /** Go's {@code net/http} answers a plain HTTP request on its TLS port without TLS, then closes. */
  @Test
  void plainHttpGetsGosBadRequest() throws Exception {
    start();
    InetSocketAddress web = server.webAddress().orElseThrow();
    try (java.net.Socket socket = new java.net.Socket(web.getAddress(), web.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
    }
  }

  private void start() throws Exception {
    Files.writeString(config.resolve(TlsFiles.CERTIFICATE_FILE), CERTIFICATE);
    Files.writeString(config.resolve(TlsFiles.PRIVATE_KEY_FILE), TestKeys.pem("ec-sec1.key.pem"));
    server = StandaloneServer.start(LOOPBACK, Optional.of(LOOPBACK), "", TlsFiles.read(config), false,
        new ServerLog(System.out, "info", Clock.systemUTC()));
  }

  private static String post(String form) {
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
