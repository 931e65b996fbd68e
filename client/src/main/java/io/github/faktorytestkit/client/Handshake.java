package io.github.faktorytestkit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.client.internal.Connection;
import io.github.faktorytestkit.client.internal.ServerProbe;
import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.ReplyReader;
import io.github.faktorytestkit.protocol.Verb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the HI / HELLO / OK exchange that opens every connection. */
final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(FaktoryClient.class);
  /** Verbatim from the server (Faktory's reply to a wrong HELLO; the fake has it in its {@code ErrorTexts}). */
  private static final String INVALID_PASSWORD = "Invalid password";
  private static final String NOT_FAKTORY = "is this a Faktory server? Faktory sends HI as soon as it accepts a"
      + " connection";
  private static final String TLS_SERVER = "a TLS server closes plain-text clients (expected: tcp+tls:// for it)";
  private static final String SILENT_ON_HELLO = "the server closes the connection silently when it cannot accept"
      + " the HELLO";

  /** A HI as a server with a password sends it, for {@link #prepare}. */
  private static final byte[] PREPARE_HI =
      "+HI {\"v\":2,\"i\":1,\"s\":\"00\"}\r\n".getBytes(StandardCharsets.US_ASCII);

  private Handshake() {}

  /**
   * Does, before the connection opens, the work of a handshake that needs no server: loading and initialising the
   * reply reader, the JSON and the hashing code, which in a JVM's first connection takes longer (hundreds of
   * milliseconds, seconds on a loaded machine) than anything else in it. Faktory's handshake deadline (2 s from
   * accept to HELLO) then covers only the exchange itself. Costs microseconds once done.
   */
  static void prepare(Identity identity) {
    try {
      Reply reply = new ReplyReader().read(new ByteArrayInputStream(PREPARE_HI));
      JsonNode hi = JobJson.readTree(((Reply.SimpleString) reply).text().substring(3));
      String hash = PasswordHash.compute("prepare", hi.path("s").asText(), hi.path("i").asInt());
      CommandLine.of(Verb.HELLO, identity.helloJson(hash)).toWire();
    } catch (IOException e) {
      throw new IllegalStateException("a constant HI: " + e.getMessage(), e);
    }
  }

  /**
   * Reads HI, answers HELLO and expects OK; returns the server's protocol version. Closes the connection when the
   * handshake fails.
   */
  static int perform(Connection connection, Identity identity, String password) {
    try {
      return exchange(connection, identity, password);
    } catch (FaktoryException e) {
      connection.close();
      throw e;
    }
  }

  private static int exchange(Connection connection, Identity identity, String password) {
    JsonNode hi = readHi(connection);
    int version = hi.path("v").asInt();
    if (version > FaktoryClient.PROTOCOL_VERSION) {
      LOG.warn("Faktory at {} speaks protocol v{}, newer than this client's v{}; carrying on",
          where(connection), version, FaktoryClient.PROTOCOL_VERSION);
    }
    String hash = passwordHash(connection, hi, password, identity.protocolVersion());
    connection.send(CommandLine.of(Verb.HELLO, identity.helloJson(hash)));
    expectOk(connection, receive(connection, "HELLO", null, () -> SILENT_ON_HELLO));
    return version;
  }

  /**
   * Returns the handshake reply {@code waitingFor}; a time-out or close gets the hint the supplier gives, a time-out
   * with a null supplier none.
   */
  private static Reply receive(Connection connection, String waitingFor, Supplier<String> silenceHint,
      Supplier<String> closeHint) {
    try {
      return connection.receive(waitingFor, connection.options().handshakeTimeout());
    } catch (FaktoryTimeoutException e) {
      if (silenceHint == null) {
        throw e;
      }
      throw new FaktoryTimeoutException(connection.host(), connection.port(), "no " + waitingFor, e.timeout(),
          silenceHint.get(), e);
    } catch (FaktoryConnectionException e) {
      throw new FaktoryHandshakeException("handshake failed: " + e.getMessage() + "; " + closeHint.get(), e);
    }
  }

  /** Returns the hint for a server that answers HTTP, when it does, else {@code otherwise}. */
  private static String webServerOr(Connection connection, String otherwise) {
    return ServerProbe.webServerHint(connection.options()).orElse(otherwise);
  }

  private static JsonNode readHi(Connection connection) {
    boolean tls = connection.options().url().tls();
    Reply reply = receive(connection, "HI", () -> webServerOr(connection, NOT_FAKTORY),
        () -> tls ? NOT_FAKTORY : webServerOr(connection, TLS_SERVER));
    if (reply instanceof Reply.SimpleString hi && hi.text().startsWith("HI ")) {
      try {
        JsonNode json = JobJson.readTree(hi.text().substring(3));
        if (json.isObject()) {
          return json;
        }
      } catch (JsonProcessingException e) {
        throw new FaktoryHandshakeException("HI from " + where(connection) + " is not JSON: " + reply.escaped(), e);
      }
    }
    throw new FaktoryHandshakeException("expected HI {...} from " + where(connection) + ", got: "
        + reply.escaped(), null);
  }

  private static String passwordHash(Connection connection, JsonNode hi, String password, int protocolVersion) {
    if (!hi.hasNonNull("s")) {
      return null;
    }
    if (password == null || password.isEmpty()) {
      throw new FaktoryAuthenticationException("password: none (expected: the password " + where(connection)
          + " requires, e.g. tcp://:password@host:port)", null);
    }
    int iterations = protocolVersion >= 2 ? Math.max(1, hi.path("i").asInt()) : 1;
    return PasswordHash.compute(password, hi.path("s").asText(), iterations);
  }

  private static void expectOk(Connection connection, Reply reply) {
    if (reply.equals(Reply.OK)) {
      return;
    }
    if (reply instanceof Reply.ErrorReply error && error.message().equals(INVALID_PASSWORD)) {
      throw new FaktoryAuthenticationException(where(connection) + " rejected the password: " + reply.escaped(),
          ServerErrors.toException("HELLO", error));
    }
    if (reply instanceof Reply.ErrorReply error) {
      throw new FaktoryHandshakeException(where(connection) + " refused HELLO: " + reply.escaped(),
          ServerErrors.toException("HELLO", error));
    }
    throw new FaktoryHandshakeException("expected +OK to HELLO from " + where(connection) + ", got: "
        + reply.escaped(), null);
  }

  private static String where(Connection connection) {
    return connection.host() + ":" + connection.port();
  }
}
