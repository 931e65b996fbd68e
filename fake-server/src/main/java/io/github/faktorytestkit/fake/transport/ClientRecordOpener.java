package io.github.faktorytestkit.fake.transport;

/**
 * Opens the client's first sealed record with its keys, for a reader of its flight ({@link GoTls12Flight},
 * {@link GoTls13Flight}) that must know, as Go does, whether a record BouncyCastle's protocol would refuse unopened
 * opens: over TLS 1.2 one of another content type than alert, handshake and application data, over TLS 1.3 one with
 * a header of another type than application data's. Go's {@code halfConn.decrypt} opens any record but TLS 1.3's
 * change_cipher_spec, its header authenticated with it, and judges what it holds by its type.
 */
@FunctionalInterface
interface ClientRecordOpener {
  /**
   * The plaintext of {@code body}, the body of the client's first sealed record (sequence number 0), of content type
   * {@code type}, once the protocol took {@code before}, the records Go read before it that bring the client's keys
   * (TLS 1.2's key exchange and change_cipher_spec; none over TLS 1.3); null where Go's decryption fails.
   */
  byte[] open(byte[] before, int type, byte[] body);
}
