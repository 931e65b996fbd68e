package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;

/**
 * A server hello (or HelloRetryRequest) of BouncyCastle's TLS protocol written as Go's {@code serverHelloMsg.marshal}
 * writes it: the same fields, its extensions in Go's order (BouncyCastle writes the empty ones first, in a hash
 * table's order). An extension Go never sends goes last, by type.
 */
final class GoServerHello extends ServerHello {
  /** Go's order: status_request, session_ticket, renegotiation_info, extended_master_secret, ALPN, SCT, ... */
  private static final List<Integer> ORDER = List.of(5, 35, 0xff01, 23, 16, 18, 43, 51, 41, 44, 11, 0xfe0d, 0);
  private static final Comparator<Integer> GO_ORDER = Comparator
      .comparing((Integer type) -> ORDER.contains(type) ? ORDER.indexOf(type) : ORDER.size())
      .thenComparing(Comparator.naturalOrder());

  GoServerHello(ServerHello hello) {
    super(hello.getVersion(), hello.getRandom(), hello.getSessionID(), hello.getCipherSuite(), hello.getExtensions());
  }

  @Override
  public void encode(TlsContext context, OutputStream output) throws IOException {
    TlsUtils.writeVersion(getVersion(), output);
    output.write(getRandom());
    TlsUtils.writeOpaque8(getSessionID(), output);
    TlsUtils.writeUint16(getCipherSuite(), output);
    TlsUtils.writeUint8(0, output);
    Hashtable<?, ?> extensions = getExtensions();
    if (extensions == null || extensions.isEmpty()) {
      return;
    }
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (Integer type : extensions.keySet().stream().map(Integer.class::cast).sorted(GO_ORDER).toList()) {
      TlsUtils.writeUint16(type, block);
      TlsUtils.writeOpaque16((byte[]) extensions.get(type), block);
    }
    TlsUtils.writeOpaque16(block.toByteArray(), output);
  }

  /** The message as it is sent and hashed: its type, length and body. */
  byte[] message(TlsContext context) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    encode(context, body);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    TlsUtils.writeUint8(HandshakeType.server_hello, message);
    TlsUtils.writeUint24(body.size(), message);
    body.writeTo(message);
    return message.toByteArray();
  }
}
