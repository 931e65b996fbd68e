package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.bouncycastle.tls.ClientHello;
import org.bouncycastle.tls.HandshakeMessageInput;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsHash;

/**
 * BouncyCastle's TLS server protocol (non-blocking) sending its server hello and HelloRetryRequest as Go's server
 * does: written as Go writes them ({@link GoServerHello}), and confirming an inner encrypted client hello over TLS 1.3
 * when the client's hello has one ({@link EchConfirmation}).
 */
final class GoServerProtocol extends TlsServerProtocol {
  private final EchConfirmation ech;

  /** {@code innerEch}: whether the client's hello has an inner {@code encrypted_client_hello} extension. */
  GoServerProtocol(boolean innerEch) {
    this.ech = innerEch ? new EchConfirmation() : null;
  }

  @Override
  protected ClientHello receiveClientHelloMessage(ByteArrayInputStream buf) throws IOException {
    if (ech != null && buf instanceof HandshakeMessageInput message) {
      Bytes bytes = new Bytes();
      message.updateHash(bytes);
      ech.clientHello(bytes.toByteArray());
    }
    return super.receiveClientHelloMessage(buf);
  }

  @Override
  protected void sendServerHelloMessage(ServerHello serverHello) throws IOException {
    if (ech != null && TlsUtils.isTLSv13(getContext())) {
      ech.confirm(getContext(), serverHello);
    }
    super.sendServerHelloMessage(new GoServerHello(serverHello));
  }

  /** The bytes a message hashes, collected. */
  private static final class Bytes extends ByteArrayOutputStream implements TlsHash {
    @Override
    public void update(byte[] input, int inOff, int length) {
      write(input, inOff, length);
    }

    @Override
    public byte[] calculateHash() {
      return toByteArray();
    }

    @Override
    public TlsHash cloneHash() {
      throw new UnsupportedOperationException();
    }
  }
}
