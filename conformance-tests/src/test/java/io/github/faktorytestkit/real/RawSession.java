package io.github.faktorytestkit.real;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A bare Faktory protocol session over a socket, for smoke tests; the client module's FaktoryClient replaces it. */
final class RawSession implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawSession(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to the host and port of {@code url}; over TLS when {@code tls} is not null. */
  static RawSession connect(URI url, SSLContext tls) throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    if (tls == null) {
      return new RawSession(plain);
    }
    return new RawSession(tls.getSocketFactory().createSocket(plain, url.getHost(), url.getPort(), true));
  }

  /** Reads the server's HI, answers HELLO (with the password hash when the server asks) and returns the reply. */
  String handshake(String hi, String password) throws IOException {
    JsonNode greeting = JobJson.mapper().readTree(hi.substring("+HI ".length()));
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("hostname", "smoke-test");
    hello.put("v", 2);
    if (greeting.has("s")) {
      hello.put("pwdhash", PasswordHash.compute(password, greeting.get("s").asText(), greeting.get("i").asInt()));
    }
    return command("HELLO " + JobJson.write(hello));
  }

  /** Sends one command line and returns the reply: a status or error line as is, a bulk string's content. */
  String command(String line) throws IOException {
    send(line);
    return reply();
  }

  /** Sends one command line without waiting for a reply. */
  void send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one reply (see {@link #command(String)}); {@code null} for a null bulk string. */
  String reply() throws IOException {
    String line = readLine();
    if (!line.startsWith("$")) {
      return line;
    }
    int length = Integer.parseInt(line.substring(1));
    if (length < 0) {
      return null;
    }
    String content = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    readLine();
    return content;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed after '" + line + "' (expected: a line ending in CRLF)");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
