package io.github.faktorytestkit.real;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.ReplyReader;
import java.io.BufferedInputStream;
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

/**
 * A bare Faktory protocol session over a socket, for smoke tests that must not depend on the client under test:
 * lines are written by hand, replies read with the protocol layer's {@link ReplyReader}.
 */
final class RawSession implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ReplyReader reader = new ReplyReader();

  private RawSession(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.in = new BufferedInputStream(socket.getInputStream());
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
    JsonNode greeting = JobJson.readTree(hi.substring("+HI ".length()));
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

  /**
   * Reads one reply (see {@link #command(String)}): {@code +text} or {@code -text} as on the wire, a bulk string's
   * content, {@code null} for a null bulk string.
   */
  String reply() throws IOException {
    Reply reply = reader.read(in);
    if (reply instanceof Reply.BulkString bulk) {
      return bulk.text();
    }
    if (reply instanceof Reply.NullBulkString) {
      return null;
    }
    String wire = new String(reply.toWire(), StandardCharsets.UTF_8);
    return wire.substring(0, wire.length() - 2);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
