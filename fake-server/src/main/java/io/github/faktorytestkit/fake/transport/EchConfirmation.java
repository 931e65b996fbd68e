package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsHash;

/**
 * Go's confirmation of an inner encrypted client hello it takes as that of an accepted ECH (RFC 9849, 7.2; Go's
 * {@code sendServerParameters} and {@code doHelloRetryRequest}): 8 bytes of {@code HKDF-Expand-Label(
 * HKDF-Extract(0, client random), label, transcript hash)}, the transcript ending in the server's message with those
 * 8 bytes zeroed, in the last 8 bytes of the server hello's random or in an {@code encrypted_client_hello} extension
 * of the HelloRetryRequest. Keeps the transcript of one handshake: the client hellos and the HelloRetryRequest.
 */
final class EchConfirmation {
  private static final int LENGTH = 8;
  private static final int RANDOM_LENGTH = 32;
  private static final int RANDOM_OFFSET = 4 + 2;
  private static final int MESSAGE_HASH = 254;
  private static final int INNER = 1;
  private static final Integer ENCRYPTED_CLIENT_HELLO = TlsExtensionTypes.ENCRYPTED_CLIENT_HELLO;

  private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
  private byte[] clientHello = {};

  /** Whether {@code hello} has an inner {@code encrypted_client_hello} extension (Go's {@code innerECHExt}). */
  static boolean inner(ClientHelloMessage hello) {
    return hello.encryptedClientHello.length == 1 && hello.encryptedClientHello[0] == INNER;
  }

  /** Takes in a client hello (the message, from its type byte on). */
  void clientHello(byte[] message) {
    clientHello = message.clone();
    transcript.writeBytes(message);
  }

  /** Confirms ECH in {@code hello} (a server hello or HelloRetryRequest of TLS 1.3) and takes it in. */
  void confirm(TlsContext context, ServerHello hello) throws IOException {
    GoServerHello go = new GoServerHello(hello);
    if (hello.isHelloRetryRequest()) {
      byte[] hash = hash(context, transcript.toByteArray());
      transcript.reset();
      transcript.writeBytes(new byte[] {(byte) MESSAGE_HASH, 0, 0, (byte) hash.length});
      transcript.writeBytes(hash);
      Hashtable<Integer, byte[]> extensions = cast(hello.getExtensions());
      extensions.put(ENCRYPTED_CLIENT_HELLO, new byte[LENGTH]);
      extensions.put(ENCRYPTED_CLIENT_HELLO, confirmation(context, "hrr ech accept confirmation", go.message(context)));
    } else {
      byte[] random = hello.getRandom();
      Arrays.fill(random, RANDOM_LENGTH - LENGTH, RANDOM_LENGTH, (byte) 0);
      byte[] confirmation = confirmation(context, "ech accept confirmation", go.message(context));
      System.arraycopy(confirmation, 0, random, RANDOM_LENGTH - LENGTH, LENGTH);
    }
    transcript.writeBytes(go.message(context));
  }

  private byte[] confirmation(TlsContext context, String label, byte[] serverMessage) throws IOException {
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    transcript.writeTo(messages);
    messages.writeBytes(serverMessage);
    SecurityParameters parameters = context.getSecurityParametersHandshake();
    int hash = parameters.getPRFCryptoHashAlgorithm();
    TlsCrypto crypto = context.getCrypto();
    byte[] clientRandom = Arrays.copyOfRange(clientHello, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH);
    return TlsCryptoUtils.hkdfExpandLabel(crypto.hkdfInit(hash).hkdfExtract(hash, crypto.createSecret(clientRandom)),
        hash, label, hash(context, messages.toByteArray()), LENGTH).extract();
  }

  private static byte[] hash(TlsContext context, byte[] bytes) {
    TlsHash hash = context.getCrypto().createHash(context.getSecurityParametersHandshake().getPRFCryptoHashAlgorithm());
    hash.update(bytes, 0, bytes.length);
    return hash.calculateHash();
  }

  @SuppressWarnings("unchecked")
  private static Hashtable<Integer, byte[]> cast(Hashtable<?, ?> extensions) {
    return (Hashtable<Integer, byte[]>) extensions;
  }
}
