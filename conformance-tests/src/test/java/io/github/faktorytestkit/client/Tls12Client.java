package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A scripted TLS 1.2 client of one suite ({@link Tls12Suite}: AES_128_GCM_SHA256 by default) over X25519 with the
 * extended master secret: it sends its hello, reads the server's flight up to ServerHelloDone and makes its
 * own flight, the ClientKeyExchange, ChangeCipherSpec and encrypted Finished records, which a test may change before
 * sending them.
 */
final class Tls12Client {
  /** The client's hello offering AES-128-GCM, in a record of TLS 1.0. */
  static final String HELLO = Tls12Suite.AES_128_GCM.hello();
  private static final int SERVER_HELLO = 2;
  private static final int SERVER_KEY_EXCHANGE = 12;
  private static final int SERVER_HELLO_DONE = 14;
  private static final int RANDOM_AT = 4 + 2;
  private static final int KEY_SHARE_AT = 4 + 4;
  private static final int POINT = 32;
  private static final int HANDSHAKE = 22;
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tls12Client() {}

  /**
   * The client's flight: its ClientKeyExchange record, the ChangeCipherSpec record, its Finished record (sealed under
   * the client's keys of the session, {@code keys}, as the first record after the ChangeCipherSpec), and the session's
   * master secret.
   */
  record Flight(byte[] keyExchange, byte[] changeCipherSpec, byte[] finished, Tls12Keys keys, byte[] master) {
    /** The three records, in their order. */
    byte[] records() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(keyExchange);
      all.writeBytes(changeCipherSpec);
      all.writeBytes(finished);
      return all.toByteArray();
    }

    /** {@code message} sealed as the client's first record after the ChangeCipherSpec, of content type {@code type}. */
    byte[] seal(int type, byte[] message) {
      return keys.seal(type, message);
    }

    /** The session's suite. */
    Tls12Suite suite() {
      return keys.suite();
    }
  }

  /**
   * Sends the hello on {@code out}, reads the server's flight from {@code in} and returns the client's flight for that
   * session.
   *
   * @throws IOException when the server's flight is not a full handshake of the suite over X25519
   */
  static Flight handshake(InputStream in, OutputStream out, Tls12Suite suite) throws IOException {
    return handshake(in, out, suite, suite.hello());
  }

  /** As {@link #handshake(InputStream, OutputStream, Tls12Suite)}, sending {@code helloRecord} (hex), of the suite. */
  static Flight handshake(InputStream in, OutputStream out, Tls12Suite suite, String helloRecord) throws IOException {
    byte[] hello = HexFormat.of().parseHex(helloRecord);
    out.write(hello);
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    transcript.write(hello, 5, hello.length - 5);
    byte[] serverRandom = null;
    byte[] serverShare = null;
    ServerMessages messages = new ServerMessages(in);
    for (byte[] message = messages.next(); ; message = messages.next()) {
      transcript.writeBytes(message);
      int type = message[0] & 0xff;
      if (type == SERVER_HELLO) {
        serverRandom = Arrays.copyOfRange(message, RANDOM_AT, RANDOM_AT + 32);
      } else if (type == SERVER_KEY_EXCHANGE) {
        serverShare = Arrays.copyOfRange(message, KEY_SHARE_AT, KEY_SHARE_AT + POINT);
      } else if (type == SERVER_HELLO_DONE) {
        break;
      }
    }
    if (serverRandom == null || serverShare == null) {
      throw new IOException("TLS 1.2 client: no server hello or key exchange before ServerHelloDone");
    }
    return flight(suite, hello, serverRandom, serverShare, transcript);
  }

  private static Flight flight(Tls12Suite suite, byte[] hello, byte[] serverRandom, byte[] serverShare,
      ByteArrayOutputStream transcript) throws IOException {
    byte[] privateKey = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(RANDOM, privateKey);
    byte[] publicKey = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    byte[] shared = new byte[X25519.POINT_SIZE];
    X25519.calculateAgreement(privateKey, 0, serverShare, 0, shared, 0);
    byte[] keyExchange = ByteBuffer.allocate(4 + 1 + POINT).put((byte) 16).put((byte) 0).putShort((short) 33)
        .put((byte) POINT).put(publicKey).array();
    transcript.writeBytes(keyExchange);
    byte[] master = suite.prf(shared, "extended master secret", suite.hash().digest(transcript.toByteArray()), 48);
    byte[] clientRandom = Arrays.copyOfRange(hello, 5 + RANDOM_AT, 5 + RANDOM_AT + 32);
    Tls12Keys keys = suite.clientKeys(suite.prf(master, "key expansion", concat(serverRandom, clientRandom),
        suite.keyBlock()));
    byte[] verify = suite.prf(master, "client finished", suite.hash().digest(transcript.toByteArray()), 12);
    byte[] finished = concat(new byte[] {20, 0, 0, 12}, verify);
    return new Flight(record(keyExchange), HexFormat.of().parseHex(CHANGE_CIPHER_SPEC), keys.seal(HANDSHAKE, finished),
        keys, master);
  }

  /** The server's handshake messages (header and body), from records of one message each or more. */
  private static final class ServerMessages {
    private final InputStream in;
    private byte[] pending = new byte[0];

    ServerMessages(InputStream in) {
      this.in = in;
    }

    byte[] next() throws IOException {
      byte[] header = body(4);
      return concat(header, body((header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff));
    }

    private byte[] body(int length) throws IOException {
      while (pending.length < length) {
        byte[] header = in.readNBytes(5);
        if (header.length < 5 || header[0] != HANDSHAKE) {
          throw new IOException("TLS 1.2 client: the server's flight ended: " + HexFormat.of().formatHex(header));
        }
        pending = concat(pending, in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff));
      }
      byte[] read = Arrays.copyOf(pending, length);
      pending = Arrays.copyOfRange(pending, length, pending.length);
      return read;
    }
  }

  private static byte[] record(byte[] message) {
    return ByteBuffer.allocate(5 + message.length).put((byte) HANDSHAKE).putShort((short) 0x0303)
        .putShort((short) message.length).put(message).array();
  }
}
