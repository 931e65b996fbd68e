package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.BasicTlsPSKExternal;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A TLS 1.3 session Go resumes ({@link GoTls13Tickets}) handed to BouncyCastle's TLS protocol, whose server resumes
 * no ticket but takes an external PSK: the ticket's PSK as an external one, of the ticket's identity, and the
 * client's {@code pre_shared_key} extension, as the protocol reads it, changed so that it takes that identity as Go
 * takes the ticket. The protocol finds an external PSK's identity with an obfuscated age of 0, so the identity's age
 * is 0 there; it checks an external PSK's binder ({@code "ext binder"}), so a right binder of the ticket's
 * ({@code "res binder"}) is replaced by the one the protocol expects, a wrong one (of any length: Go compares it
 * with its HMAC) by that one wrong in a bit, which the protocol refuses with Go's {@code decrypt_error}. The
 * protocol would refuse a binder shorter than 32 bytes as undecodable, where Go takes any binder not empty and looks
 * at the chosen identity's only: the other binders are given as zeros of the hash's length. The client hello it
 * hashes in its transcript is the client's, unchanged, so the binder it expects is over that hello cut by the
 * binders' length of the extension it is given, not of the client's.
 */
final class BouncyCastlePsk {
  private static final Integer PRE_SHARED_KEY = TlsExtensionTypes.PRE_SHARED_KEY;
  private static final String RESUMPTION_BINDER = "res binder";
  private static final String EXTERNAL_BINDER = "ext binder";

  private BouncyCastlePsk() {}

  /**
   * Puts the {@code pre_shared_key} extension of {@code hello} resuming {@code session} in {@code extensions} (the
   * protocol's of that hello), and returns the external PSK the protocol is to be given for it.
   *
   * @param transcript the transcript up to the hello, the hello last
   */
  @SuppressWarnings("unchecked") // BouncyCastle's extensions: a raw Hashtable of Integer to byte[]
  static TlsPSKExternal resume(Hashtable<?, ?> extensions, ClientHelloMessage hello, GoTls13Tickets.Resumable session,
      Tls13KeySchedule schedule, Tls13Transcript transcript, TlsCrypto crypto) throws IOException {
    byte[] psk = session.state().secret();
    byte[] expected = schedule.binder(psk, RESUMPTION_BINDER, transcript.hash(schedule, hello.bindersLength()));
    int length = expected.length;
    // the protocol cuts from the hello the binders' length of the extension it is given
    int protocolsCut = 2 + hello.pskBinders.size() * (1 + length);
    byte[] given = schedule.binder(psk, EXTERNAL_BINDER, transcript.hash(schedule, protocolsCut));
    if (!MessageDigest.isEqual(hello.pskBinders.get(session.index()), expected)) {
      given[0] ^= 1;
    }
    ((Hashtable<Integer, byte[]>) extensions).put(PRE_SHARED_KEY, extension(hello, session.index(), given));
    byte[] label = hello.pskIdentities.get(session.index()).label();
    return new BasicTlsPSKExternal(label, crypto.createSecret(psk.clone()), schedule.prfAlgorithm());
  }

  /** Hides the {@code pre_shared_key} extension from the protocol, as Go ignores it when it resumes no session. */
  static void hide(Hashtable<?, ?> extensions) {
    extensions.remove(PRE_SHARED_KEY);
  }

  /**
   * The extension of {@code hello}'s identities and binders, identity {@code index} of age 0 and binder
   * {@code binder}, the other binders zeros of its length.
   */
  private static byte[] extension(ClientHelloMessage hello, int index, byte[] binder) {
    ByteArrayOutputStream identities = new ByteArrayOutputStream();
    List<ClientHelloMessage.PskIdentity> offered = hello.pskIdentities;
    for (int i = 0; i < offered.size(); i++) {
      writeVector(identities, offered.get(i).label(), 2);
      identities.writeBytes(i == index ? new byte[4] : offered.get(i).obfuscatedAge());
    }
    ByteArrayOutputStream binders = new ByteArrayOutputStream();
    for (int i = 0; i < hello.pskBinders.size(); i++) {
      writeVector(binders, i == index ? binder : new byte[binder.length], 1);
    }
    ByteArrayOutputStream extension = new ByteArrayOutputStream();
    writeVector(extension, identities.toByteArray(), 2);
    writeVector(extension, binders.toByteArray(), 2);
    return extension.toByteArray();
  }

  private static void writeVector(ByteArrayOutputStream out, byte[] bytes, int lengthBytes) {
    if (lengthBytes == 2) {
      out.write(bytes.length >> 8);
    }
    out.write(bytes.length & 0xff);
    out.writeBytes(bytes);
  }
}
