package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsContext;

/**
 * Go's confirmation of an inner encrypted client hello it takes as that of an accepted ECH (RFC 9849, 7.2; Go's
 * {@code sendServerParameters} and {@code doHelloRetryRequest}): 8 bytes of {@code HKDF-Expand-Label(
 * HKDF-Extract(0, client random), label, transcript hash)}, the transcript ending in the server's message with those
 * 8 bytes zeroed, in the last 8 bytes of the server hello's random or in an {@code encrypted_client_hello} extension
 * of the HelloRetryRequest.
 */
final class EchConfirmation {
  private static final int LENGTH = 8;
  private static final int RANDOM_LENGTH = 32;
  private static final int RANDOM_OFFSET = 4 + 2;
  private static final int INNER = 1;
  private static final Integer ENCRYPTED_CLIENT_HELLO = TlsExtensionTypes.ENCRYPTED_CLIENT_HELLO;

  private byte[] clientRandom = {};

  /** Whether {@code hello} has an inner {@code encrypted_client_hello} extension (Go's {@code innerECHExt}). */
  static boolean inner(ClientHelloMessage hello) {
    return hello.encryptedClientHello.length == 1 && hello.encryptedClientHello[0] == INNER;
  }

  /** Takes in a client hello's random (the message, from its type byte on). */
  void clientHello(byte[] message) {
    clientRandom = Arrays.copyOfRange(message, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH);
  }

  /**
   * Confirms ECH in {@code hello} (a server hello or HelloRetryRequest of TLS 1.3), which follows {@code transcript}
   * (after a HelloRetryRequest's {@code message_hash}).
   */
  void confirm(TlsContext context, ServerHello hello, Tls13Transcript transcript) throws IOException {
    GoServerHello go = new GoServerHello(hello);
    Tls13KeySchedule schedule =
        Tls13KeySchedule.of(context.getCrypto(), context.getSecurityParametersHandshake().getCipherSuite());
    if (hello.isHelloRetryRequest()) {
      Hashtable<Integer, byte[]> extensions = cast(hello.getExtensions());
      extensions.put(ENCRYPTED_CLIENT_HELLO, new byte[LENGTH]);
      extensions.put(ENCRYPTED_CLIENT_HELLO, schedule.echConfirmation(clientRandom, "hrr ech accept confirmation",
          transcript.hashWith(schedule, go.message(context)), LENGTH));
    } else {
      byte[] random = hello.getRandom();
      Arrays.fill(random, RANDOM_LENGTH - LENGTH, RANDOM_LENGTH, (byte) 0);
      byte[] confirmation = schedule.echConfirmation(clientRandom, "ech accept confirmation",
          transcript.hashWith(schedule, go.message(context)), LENGTH);
      System.arraycopy(confirmation, 0, random, RANDOM_LENGTH - LENGTH, LENGTH);
    }
  }

  @SuppressWarnings("unchecked")
  private static Hashtable<Integer, byte[]> cast(Hashtable<?, ?> extensions) {
    return (Hashtable<Integer, byte[]>) extensions;
  }
}
