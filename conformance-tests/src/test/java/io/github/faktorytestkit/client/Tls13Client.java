package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A scripted TLS 1.3 client of one suite ({@link Suite}) over X25519: it sends its hello, reads the server's flight
 * (its server hello, then its sealed messages up to its Finished) and makes its own Finished, sealed under the
 * client's handshake keys, which a test may change before sending; it reads the server's answer under the server's
 * application keys. Its hello may carry more extensions, and offer a ticket to resume ({@link Ticket}).
 */
final class Tls13Client {
  private static final int TAG = 16;
  /** The answer of a server that goes on: a sealed record other than an alert. */
  static final String GOES_ON = "the server goes on";
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int FINISHED = 20;
  private static final byte MESSAGE_HASH = (byte) 254;
  private static final int PRE_SHARED_KEY = 41;
  private static final int KEY_SHARE = 51;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tls13Client() {}

  /** A TLS 1.3 suite Go 1.26's server enables by default: its AEAD's key length, and its hash. */
  enum Suite {
    AES_128_GCM_SHA256("1301", 16, TlsCrypto.Hash.SHA256),
    AES_256_GCM_SHA384("1302", 32, TlsCrypto.Hash.SHA384),
    CHACHA20_POLY1305_SHA256("1303", 32, TlsCrypto.Hash.SHA256);

    private final String id;
    private final int keyLength;
    private final TlsCrypto.Hash hash;

    Suite(String id, int keyLength, TlsCrypto.Hash hash) {
      this.id = id;
      this.keyLength = keyLength;
      this.hash = hash;
    }

    /** The suite's hash, of its HKDF and transcript. */
    TlsCrypto.Hash hash() {
      return hash;
    }

    /** The length of a record sealing {@code content} bytes (header, content, inner type and tag). */
    int sealedLength(int content) {
      return 5 + content + 1 + TAG;
    }

    /** The suite's id in a hello (hex). */
    String id() {
      return id;
    }

    /** {@code HKDF-Expand-Label} with the suite's hash. */
    byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
      byte[] name = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
      byte[] info = ByteBuffer.allocate(2 + 1 + name.length + 1 + context.length).putShort((short) length)
          .put((byte) name.length).put(name).put((byte) context.length).put(context).array();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] previous = new byte[0];
      for (int i = 1; out.size() < length; i++) {
        previous = hash.hmac(secret, concat(previous, info, new byte[] {(byte) i}));
        out.writeBytes(previous);
      }
      return Arrays.copyOf(out.toByteArray(), length);
    }

    /** {@code Derive-Secret} of {@code label} and the hash of {@code messages}. */
    byte[] derive(byte[] secret, String label, byte[] messages) {
      return expandLabel(secret, label, hash.digest(messages), hash.length());
    }
  }

  /**
   * The client's Finished, sealed as its first record under its handshake keys (of {@code clientSecret}), the
   * server's application keys, which seal the server's answer, the handshake's messages up to the server's Finished
   * ({@code transcript}) and its resumption master secret.
   */
  record Flight(Suite suite, byte[] finished, byte[] clientSecret, Keys server, byte[] transcript,
      byte[] resumptionSecret) {
    /** {@code content} of inner content type {@code type}, sealed in place of the Finished. */
    byte[] seal(int type, byte[] content) {
      return new Keys(suite, clientSecret).seal(APPLICATION_DATA, type, content);
    }

    /** As {@link #seal}, in a record whose header claims {@code outerType}, authenticated with it. */
    byte[] sealAs(int outerType, int type, byte[] content) {
      return new Keys(suite, clientSecret).seal(outerType, type, content);
    }
  }

  /** A direction's key and IV of a suite, and its next sequence number. */
  static final class Keys {
    private final Suite suite;
    private final byte[] key;
    private final byte[] iv;
    private long sequence;

    Keys(Suite suite, byte[] secret) {
      this.suite = suite;
      this.key = suite.expandLabel(secret, "key", new byte[0], suite.keyLength);
      this.iv = suite.expandLabel(secret, "iv", new byte[0], 12);
    }

    /**
     * {@code content} of inner content type {@code type}, sealed as the next record of this direction, in a record
     * whose header claims {@code outerType}.
     */
    byte[] seal(int outerType, int type, byte[] content) {
      byte[] inner = Arrays.copyOf(content, content.length + 1);
      inner[content.length] = (byte) type;
      byte[] header = {(byte) outerType, 3, 3, (byte) ((inner.length + TAG) >> 8), (byte) (inner.length + TAG)};
      return concat(header, crypt(Cipher.ENCRYPT_MODE, header, inner));
    }

    /** The inner content type and content of the next record of this direction, {@code record} (header and body). */
    byte[] open(byte[] record) {
      byte[] inner = crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length));
      int end = inner.length - 1;
      while (inner[end] == 0) {
        end--;
      }
      byte[] typed = new byte[end + 1];
      typed[0] = inner[end];
      System.arraycopy(inner, 0, typed, 1, end);
      return typed;
    }

    private byte[] crypt(int mode, byte[] header, byte[] input) {
      byte[] nonce = iv.clone();
      for (int i = 0; i < 8; i++) {
        nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
      }
      sequence++;
      try {
        Cipher cipher;
        if (suite == Suite.CHACHA20_POLY1305_SHA256) {
          cipher = Cipher.getInstance("ChaCha20-Poly1305");
          cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        } else {
          cipher = Cipher.getInstance("AES/GCM/NoPadding");
          cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG, nonce));
        }
        cipher.updateAAD(header);
        return cipher.doFinal(input);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(suite + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Sends the hello of {@code suite} on {@code out}, reads the server's flight from {@code in} and returns the
   * client's Finished for that session.
   */
  static Flight handshake(InputStream in, OutputStream out, Suite suite) throws IOException {
    return handshake(in, out, suite, (publicKey, before) -> hello(suite, publicKey, "", null, before), null,
        new byte[0]);
  }

  /**
   * As {@link #handshake(InputStream, OutputStream, Suite)} with TLS_AES_128_GCM_SHA256, the hello with the
   * extensions {@code extra} (hex) after its own and, unless {@code ticket} is null, a {@code pre_shared_key}
   * extension last offering that ticket, whose PSK the handshake then starts from if the server takes it.
   */
  static Flight handshake(InputStream in, OutputStream out, String extra, Ticket ticket) throws IOException {
    return handshake(in, out, ofOurs(extra, ticket), ticket);
  }

  /**
   * As {@link #handshake(InputStream, OutputStream, String, Ticket)}, after a first hello without a key share: once
   * the server's HelloRetryRequest and change_cipher_spec are read, the handshake goes on with the second hello.
   */
  static Flight handshakeAfterARetry(InputStream in, OutputStream out, String extra, Ticket ticket)
      throws IOException {
    return handshakeAfterARetry(in, out, ofOurs(extra, ticket), ticket);
  }

  /** Makes a client hello: of the key share {@code publicKey} (none if null), after the messages {@code before} it. */
  @FunctionalInterface
  interface Hello {
    byte[] make(byte[] publicKey, byte[] before);
  }

  /**
   * As {@link #handshake(InputStream, OutputStream, String, Ticket)}, the client's hello made by {@code hello}; the
   * handshake starts from the PSK of {@code ticket} if the server selects an identity.
   *
   * @throws IOException with the server's first record in hex when it is no handshake record, or when the server
   *     picks another suite than TLS_AES_128_GCM_SHA256
   */
  static Flight handshake(InputStream in, OutputStream out, Hello hello, Ticket ticket) throws IOException {
    return handshake(in, out, Suite.AES_128_GCM_SHA256, hello, ticket, new byte[0]);
  }

  /** As {@link #handshake(InputStream, OutputStream, Hello, Ticket)}, after a first hello without a key share. */
  static Flight handshakeAfterARetry(InputStream in, OutputStream out, Hello hello, Ticket ticket)
      throws IOException {
    Suite suite = Suite.AES_128_GCM_SHA256;
    byte[] first = hello.make(null, new byte[0]);
    out.write(HexFormat.of().parseHex(TlsHellos.record(HexFormat.of().formatHex(first))));
    byte[] retry = body(readRecord(in));
    readRecord(in); // the change_cipher_spec after it
    byte[] firstHash = suite.hash().digest(first);
    byte[] before = concat(new byte[] {MESSAGE_HASH, 0, 0, (byte) firstHash.length}, firstHash, retry);
    return handshake(in, out, suite, hello, ticket, before);
  }

  /** The hello of TLS_AES_128_GCM_SHA256 with {@code extra} and {@code ticket} ({@link #hello}). */
  private static Hello ofOurs(String extra, Ticket ticket) {
    return (publicKey, before) -> hello(Suite.AES_128_GCM_SHA256, publicKey, extra, ticket, before);
  }

  /** The handshake of {@code suite} of a hello after the messages {@code before} it in the transcript. */
  private static Flight handshake(InputStream in, OutputStream out, Suite suite, Hello makeHello, Ticket ticket,
      byte[] before) throws IOException {
    byte[] privateKey = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(RANDOM, privateKey);
    byte[] publicKey = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    byte[] hello = makeHello.make(publicKey, before);
    String record = TlsHellos.record(HexFormat.of().formatHex(hello));
    // after a first hello, a record claims TLS 1.2
    out.write(HexFormat.of().parseHex(before.length == 0 ? record : "160303" + record.substring(6)));
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    transcript.writeBytes(before);
    transcript.writeBytes(hello);
    byte[] serverRecord = readRecord(in);
    if (serverRecord[0] != HANDSHAKE) {
      throw new IOException("TLS 1.3 client: no server hello: " + HexFormat.of().formatHex(serverRecord));
    }
    byte[] serverHello = body(serverRecord);
    requireSuite(serverHello, suite);
    transcript.writeBytes(serverHello);
    byte[] shared = new byte[X25519.POINT_SIZE];
    ByteBuffer share = extension(serverHello, KEY_SHARE);
    X25519.calculateAgreement(privateKey, 0, Arrays.copyOfRange(share.array(), share.arrayOffset() + 4,
        share.arrayOffset() + 4 + X25519.POINT_SIZE), 0, shared, 0);
    Ticket resumed = extension(serverHello, PRE_SHARED_KEY) != null ? ticket : null;
    TlsCrypto.Hash hash = suite.hash();
    byte[] handshakeSecret = hash.hmac(suite.derive(earlySecret(suite, resumed), "derived", new byte[0]), shared);
    byte[] clientSecret = suite.derive(handshakeSecret, "c hs traffic", transcript.toByteArray());
    Keys serverKeys = new Keys(suite, suite.derive(handshakeSecret, "s hs traffic", transcript.toByteArray()));
    readServerFlight(in, serverKeys, transcript);
    byte[] master = hash.hmac(suite.derive(handshakeSecret, "derived", new byte[0]), new byte[hash.length()]);
    Keys application = new Keys(suite, suite.derive(master, "s ap traffic", transcript.toByteArray()));
    byte[] verify = hash.hmac(suite.expandLabel(clientSecret, "finished", new byte[0], hash.length()),
        hash.digest(transcript.toByteArray()));
    byte[] finishedMessage = concat(new byte[] {FINISHED, 0, 0, (byte) verify.length}, verify);
    byte[] finished = new Keys(suite, clientSecret).seal(APPLICATION_DATA, HANDSHAKE, finishedMessage);
    byte[] resumption = suite.derive(master, "res master", concat(transcript.toByteArray(), finishedMessage));
    return new Flight(suite, finished, clientSecret, application, transcript.toByteArray(), resumption);
  }

  /**
   * A ticket of a server's NewSessionTicket, offered with an obfuscated age of {@code ageAdd} (a fresh ticket's), and
   * the PSK of its session.
   */
  record Ticket(byte[] label, int ageAdd, byte[] psk) {}

  /**
   * The client's hello of {@code suite} with its key share {@code publicKey} (none if null), {@code extra} after its
   * extensions and, unless {@code ticket} is null, a {@code pre_shared_key} extension offering it, bound to its PSK
   * after the messages {@code before} the hello in the transcript.
   */
  static byte[] hello(Suite suite, byte[] publicKey, String extra, Ticket ticket, byte[] before) {
    TlsCrypto.Hash hash = suite.hash();
    String share = TlsHellos.extension(51,
        publicKey == null ? "0000" : "0024001d0020" + HexFormat.of().formatHex(publicKey));
    String binders = String.format("%04x%02x", 1 + hash.length(), hash.length()) + "00".repeat(hash.length());
    String psk = ticket == null ? "" : TlsHellos.extension(41, identities(ticket) + binders);
    byte[] hello = HexFormat.of().parseHex(TlsHellos.helloWithSessionId("0303", "11".repeat(32), suite.id(), "00",
        TlsHellos.extension(10, "0002001d"), TlsHellos.ECDSA_P256, TlsHellos.extension(43, "020304"), share, extra,
        psk));
    if (ticket != null) {
      byte[] binder = binder(suite, ticket, before, Arrays.copyOf(hello, hello.length - 2 - 1 - hash.length()));
      System.arraycopy(binder, 0, hello, hello.length - hash.length(), hash.length());
    }
    return hello;
  }

  /**
   * The binder of {@code ticket} under TLS_AES_128_GCM_SHA256's hash for a hello cut before its binders
   * ({@code truncated}), after {@code before}.
   */
  static byte[] binder(Ticket ticket, byte[] before, byte[] truncated) {
    return binder(Suite.AES_128_GCM_SHA256, ticket, before, truncated);
  }

  private static byte[] binder(Suite suite, Ticket ticket, byte[] before, byte[] truncated) {
    TlsCrypto.Hash hash = suite.hash();
    byte[] binderKey = suite.derive(earlySecret(suite, ticket), "res binder", new byte[0]);
    return hash.hmac(suite.expandLabel(binderKey, "finished", new byte[0], hash.length()),
        hash.digest(concat(before, truncated)));
  }

  /** Fails when {@code serverHello} picks another suite than {@code suite}, whose keys the client makes. */
  private static void requireSuite(byte[] serverHello, Suite suite) throws IOException {
    ByteBuffer hello = ByteBuffer.wrap(serverHello);
    int picked = Short.toUnsignedInt(hello.getShort(4 + 2 + 32 + 1 + Byte.toUnsignedInt(hello.get(4 + 2 + 32))));
    if (picked != Integer.parseInt(suite.id(), 16)) {
      throw new IOException(String.format("TLS 1.3 client: a server hello of suite %04x, %s pre_shared_key", picked,
          extension(serverHello, PRE_SHARED_KEY) == null ? "without" : "with"));
    }
  }

  private static String identities(Ticket ticket) {
    String label = HexFormat.of().formatHex(ticket.label());
    String identity = String.format("%04x", ticket.label().length) + label + String.format("%08x", ticket.ageAdd());
    return String.format("%04x", identity.length() / 2) + identity;
  }

  private static byte[] earlySecret(Suite suite, Ticket ticket) {
    byte[] zeros = new byte[suite.hash().length()];
    return suite.hash().hmac(zeros, ticket == null ? zeros : ticket.psk());
  }

  /** The data of the extension of {@code type} of {@code serverHello}, null when it has none. */
  private static ByteBuffer extension(byte[] serverHello, int type) {
    ByteBuffer hello = ByteBuffer.wrap(serverHello);
    hello.position(4 + 2 + 32);
    hello.position(hello.position() + 1 + Byte.toUnsignedInt(hello.get(hello.position())) + 2 + 1 + 2);
    while (hello.hasRemaining()) {
      int found = Short.toUnsignedInt(hello.getShort());
      ByteBuffer data = hello.slice(hello.position() + 2, Short.toUnsignedInt(hello.getShort()));
      if (found == type) {
        return data;
      }
      hello.position(hello.position() + data.remaining());
    }
    return null;
  }

  /** Reads the server's sealed handshake messages up to its Finished into {@code transcript}. */
  private static void readServerFlight(InputStream in, Keys keys, ByteArrayOutputStream transcript)
      throws IOException {
    ByteBuffer messages = ByteBuffer.allocate(0);
    while (true) {
      byte[] record = readRecord(in);
      if (record[0] == CHANGE_CIPHER_SPEC) {
        continue;
      }
      byte[] opened = keys.open(record);
      ByteBuffer joined = ByteBuffer.allocate(messages.remaining() + opened.length - 1).put(messages)
          .put(opened, 1, opened.length - 1).flip();
      messages = joined;
      while (messages.remaining() >= 4) {
        int length = messages.getInt(messages.position()) & 0xffffff;
        if (messages.remaining() < 4 + length) {
          break;
        }
        byte[] message = new byte[4 + length];
        messages.get(message);
        transcript.writeBytes(message);
        if (message[0] == FINISHED) {
          return;
        }
      }
    }
  }

  /**
   * The server's answer to the client's flight, read from {@code in} once the client ended its output: {@link #GOES_ON}
   * when its first record after its flight is sealed and not an alert, "alert N" for a sealed alert, else all it sent
   * in hex ("" for a close without a byte).
   */
  static String answer(InputStream in, Keys server) throws IOException {
    byte[] header = in.readNBytes(5);
    if (header.length < 5 || header[0] != APPLICATION_DATA) {
      return HexFormat.of().formatHex(header) + HexFormat.of().formatHex(in.readAllBytes());
    }
    byte[] opened = server.open(concat(header, in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff)));
    return opened[0] == ALERT ? "alert " + opened[2] : GOES_ON;
  }

  /** Reads one record (header and body). */
  static byte[] readRecord(InputStream in) throws IOException {
    byte[] header = in.readNBytes(5);
    if (header.length < 5) {
      throw new IOException("TLS 1.3 client: the server's flight ended");
    }
    return concat(header, in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff));
  }

  private static byte[] body(byte[] record) {
    return Arrays.copyOfRange(record, 5, record.length);
  }
}
