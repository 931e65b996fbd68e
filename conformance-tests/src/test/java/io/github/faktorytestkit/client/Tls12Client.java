package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;
import static io.github.faktorytestkit.client.TlsCrypto.hmac;
import static io.github.faktorytestkit.client.TlsCrypto.sha256;

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
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A scripted TLS 1.2 client of one suite, ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (or _AES_128_CBC_SHA) over X25519
 * with the extended master secret: it sends its hello, reads the server's flight up to ServerHelloDone and makes its
 * own flight, the ClientKeyExchange, ChangeCipherSpec and encrypted Finished records, which a test may change before
 * sending them.
 */
final class Tls12Client {
  /** The client's hello offering AES-128-GCM, in a record of TLS 1.0. */
  static final String HELLO = Suite.AES_128_GCM.hello();
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
  record Flight(byte[] keyExchange, byte[] changeCipherSpec, byte[] finished, Keys keys, byte[] master) {
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
  }

  /** The suite the client offers alone, its ECDHE_ECDSA one with AES-128-GCM or AES-128-CBC and HMAC-SHA1. */
  enum Suite {
    AES_128_GCM("c02b", 40),
    AES_128_CBC_SHA("c009", 104);

    private final String id;
    private final int keyBlock;

    Suite(String id, int keyBlock) {
      this.id = id;
      this.keyBlock = keyBlock;
    }

    /** The client's hello offering this suite alone, in a record of TLS 1.0. */
    String hello() {
      return hello("", "");
    }

    /**
     * The client's hello offering this suite alone, with {@code sessionId} (hex) and {@code more} extensions after its
     * own, in a record of TLS 1.0.
     */
    String hello(String sessionId, String more) {
      return TlsHellos.record(TlsHellos.helloWithSessionId("0303", sessionId, id, "00",
          TlsHellos.extension(10, "0002001d"), TlsHellos.extension(11, "0100"), TlsHellos.ECDSA_P256,
          TlsHellos.extension(23, ""), TlsHellos.extension(0xff01, "00"), more));
    }

    /** The client's write keys in the key block of a session. */
    Keys keys(byte[] block) {
      return this == AES_128_GCM ? new Keys(this, new byte[0], Arrays.copyOfRange(block, 0, 16),
          Arrays.copyOfRange(block, 32, 36)) : new Keys(this, Arrays.copyOfRange(block, 0, 20),
          Arrays.copyOfRange(block, 40, 56), new byte[0]);
    }
  }

  /** A side's write keys of a session: its MAC key (CBC), its key, its implicit nonce (GCM). */
  record Keys(Suite suite, byte[] macKey, byte[] key, byte[] iv) {
    /** {@code plaintext} sealed as the record of sequence number 0, of content type {@code type}. */
    byte[] seal(int type, byte[] plaintext) {
      return suite == Suite.AES_128_GCM ? sealGcm(type, plaintext) : sealCbc(type, plaintext);
    }

    /** The plaintext of {@code record} (header and body), sealed with AES-GCM as the record of {@code sequence}. */
    byte[] open(long sequence, byte[] record) {
      try {
        byte[] nonce = Arrays.copyOf(iv, 12);
        System.arraycopy(record, 5, nonce, 4, 8);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(ByteBuffer.allocate(13).putLong(sequence).put(record, 0, 3)
            .putShort((short) (record.length - 5 - 8 - 16)).array());
        return gcm.doFinal(record, 5 + 8, record.length - 5 - 8);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM: " + e.getMessage(), e);
      }
    }

    /** MAC, then padding, then AES-128-CBC under a random explicit IV, as TLS 1.2's CBC suites seal. */
    private byte[] sealCbc(int type, byte[] plaintext) {
      byte[] header = ByteBuffer.allocate(13).putLong(0).put((byte) type).putShort((short) 0x0303)
          .putShort((short) plaintext.length).array();
      try {
        Mac sha1 = Mac.getInstance("HmacSHA1");
        sha1.init(new SecretKeySpec(macKey, "HmacSHA1"));
        sha1.update(header);
        byte[] content = concat(plaintext, sha1.doFinal(plaintext));
        int padding = (16 - (content.length + 1) % 16) % 16;
        byte[] padded = Arrays.copyOf(content, content.length + padding + 1);
        Arrays.fill(padded, content.length, padded.length, (byte) padding);
        byte[] explicitIv = new byte[16];
        RANDOM.nextBytes(explicitIv);
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(explicitIv));
        byte[] sealed = concat(explicitIv, cbc.doFinal(padded));
        return concat(ByteBuffer.allocate(5).put((byte) type).putShort((short) 0x0303)
            .putShort((short) sealed.length).array(), sealed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CBC with HMAC-SHA1", e);
      }
    }

    private byte[] sealGcm(int type, byte[] plaintext) {
      try {
        byte[] explicit = new byte[8]; // sequence number 0
        byte[] nonce = Arrays.copyOf(iv, 12);
        System.arraycopy(explicit, 0, nonce, 4, 8);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(ByteBuffer.allocate(13).putLong(0).put((byte) type).putShort((short) 0x0303)
            .putShort((short) plaintext.length).array());
        byte[] sealed = gcm.doFinal(plaintext);
        return ByteBuffer.allocate(5 + 8 + sealed.length).put((byte) type).putShort((short) 0x0303)
            .putShort((short) (8 + sealed.length)).put(explicit).put(sealed).array();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM", e);
      }
    }
  }

  /**
   * Sends the hello on {@code out}, reads the server's flight from {@code in} and returns the client's flight for that
   * session.
   *
   * @throws IOException when the server's flight is not a full handshake of the suite over X25519
   */
  static Flight handshake(InputStream in, OutputStream out, Suite suite) throws IOException {
    return handshake(in, out, suite, suite.hello());
  }

  /** As {@link #handshake(InputStream, OutputStream, Suite)}, sending {@code helloRecord} (hex), of the suite. */
  static Flight handshake(InputStream in, OutputStream out, Suite suite, String helloRecord) throws IOException {
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

  private static Flight flight(Suite suite, byte[] hello, byte[] serverRandom, byte[] serverShare,
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
    byte[] master = prf(shared, "extended master secret", sha256(transcript.toByteArray()), 48);
    byte[] clientRandom = Arrays.copyOfRange(hello, 5 + RANDOM_AT, 5 + RANDOM_AT + 32);
    Keys keys = suite.keys(prf(master, "key expansion", concat(serverRandom, clientRandom), suite.keyBlock));
    byte[] verify = prf(master, "client finished", sha256(transcript.toByteArray()), 12);
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

  /** TLS 1.2's PRF with SHA-256. */
  static byte[] prf(byte[] secret, String label, byte[] seed, int length) {
    byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] a = hmac(secret, labelled); out.size() < length; a = hmac(secret, a)) {
      out.writeBytes(hmac(secret, concat(a, labelled)));
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }
}
