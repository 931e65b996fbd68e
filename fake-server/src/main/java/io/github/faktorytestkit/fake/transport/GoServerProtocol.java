package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ClientHello;
import org.bouncycastle.tls.ContentType;
import org.bouncycastle.tls.HandshakeMessageInput;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsHash;

/**
 * BouncyCastle's TLS server protocol (non-blocking) sending its server hello and HelloRetryRequest as Go's server
 * does: written as Go writes them ({@link GoServerHello}), and confirming an inner encrypted client hello over TLS 1.3
 * when the client's hello has one ({@link EchConfirmation}), and a TLS 1.2 resumption's new session ticket right
 * after its server hello, as Go sends it. Over TLS 1.3 it keeps the handshake's transcript ({@link Tls13Transcript}),
 * resumes the session of a ticket Go resumes and sends Go's NewSessionTicket right after its Finished
 * ({@link GoTls13Resumption}). A client's {@code close_notify} is Go's end of stream. After the ServerHelloDone of a
 * full TLS 1.2 handshake, the Finished of a resumption, or the Finished of TLS 1.3, what the client sends next is Go's
 * to judge ({@link GoTls12Flight}, {@link GoTls13Flight}), with the client's keys to open its first sealed record
 * ({@link ClientRecordKeys}).
 */
final class GoServerProtocol extends TlsServerProtocol {
  private final EchConfirmation ech;
  private final Tls13Transcript transcript = new Tls13Transcript();
  private boolean inputEnded;
  private int retryGroup = -1;
  private GoReadOutcome.Reader flightReader;
  /** TLS 1.3: the client's handshake keys, kept once the server's Finished is sent (null before). */
  private ClientRecordKeys handshakeKeys;

  /** {@code innerEch}: whether the client's hello has an inner {@code encrypted_client_hello} extension. */
  GoServerProtocol(boolean innerEch) {
    this.ech = innerEch ? new EchConfirmation() : null;
  }

  /**
   * A client hello, taken in by ECH's confirmation if need be, and checked for a ticket Go resumes over TLS 1.3
   * ({@link GoTls13Resumption}).
   */
  @Override
  protected ClientHello receiveClientHelloMessage(ByteArrayInputStream buf) throws IOException {
    byte[] message = bytes((HandshakeMessageInput) buf);
    if (ech != null) {
      ech.clientHello(message);
    }
    ClientHello hello = super.receiveClientHelloMessage(buf);
    if (tlsServer instanceof GoTlsServer server) {
      ClientHelloMessage offered = ClientHelloMessage.parse(message).orElseThrow(); // Go's reader took it before
      server.resumption13().checkForResumption(hello.getExtensions(), offered, transcript, retryGroup >= 0);
    }
    return hello;
  }

  /** A handshake record written, taken in by the transcript if it is a handshake message. */
  @Override
  protected void safeWriteRecord(short type, byte[] buf, int offset, int len) throws IOException {
    if (type == ContentType.handshake) {
      transcript.add(buf, offset, len);
    }
    super.safeWriteRecord(type, buf, offset, len);
  }

  @Override
  protected void sendServerHelloMessage(ServerHello serverHello) throws IOException {
    if (serverHello.isHelloRetryRequest()) {
      retryGroup = TlsExtensionsUtils.getKeyShareHelloRetryRequest(serverHello.getExtensions());
      int suite = getContext().getSecurityParametersHandshake().getCipherSuite();
      transcript.retry(Tls13KeySchedule.of(getContext().getCrypto(), suite));
    }
    if (ech != null && TlsUtils.isTLSv13(getContext())) {
      ech.confirm(getContext(), serverHello, transcript);
    }
    super.sendServerHelloMessage(new GoServerHello(serverHello));
    SecurityParameters parameters = getContext().getSecurityParametersHandshake();
    if (parameters.isResumedSession()) {
      sendNewSessionTicketMessage(tlsServer.getNewSessionTicket()); // Go's new ticket of a TLS 1.2 resumption
      // the protocol's change_cipher_spec and Finished follow: then the client's flight is Go's to judge
      flightReader = GoTls12Flight.resumed(parameters.getCipherSuite(), this::openTls12);
    }
  }

  /**
   * A client's {@code close_notify} after the handshake ends its input, as it is Go's end of stream: the connection
   * goes on writing until the session closes it, which sends this side's {@code close_notify} (BouncyCastle would
   * answer it at once, before the replies to what came before it).
   */
  @Override
  protected void handleAlertWarningMessage(short alertDescription) throws IOException {
    if (alertDescription == AlertDescription.close_notify && isConnected() && !isHandshaking()) {
      inputEnded = true;
    } else {
      super.handleAlertWarningMessage(alertDescription);
    }
  }

  /** A handshake failure Go's server ends without an alert, as its handshake errors that are no alert. */
  @Override
  protected void handleException(short alertDescription, String message, Throwable e) throws IOException {
    if (e instanceof SilentFailure) {
      handleFailure();
    } else {
      super.handleException(alertDescription, message, e);
    }
  }

  /**
   * A Finished of the client's that is not the one expected gets Go's alert, whatever is wrong with it: over TLS 1.2
   * {@code handshake_failure} ({@code readClientFinished}), over TLS 1.3 {@code decrypt_error} (its
   * {@code readClientFinished}: Go's parser takes verify data of any length, which then differs); BouncyCastle:
   * {@code decrypt_error}, {@code decode_error} for verify data longer than it expects, {@code internal_error} for
   * shorter.
   */
  @Override
  protected void handleHandshakeMessage(short type, HandshakeMessageInput buf) throws IOException {
    byte[] message = bytes(buf);
    transcript.add(message, 0, message.length);
    try {
      super.handleHandshakeMessage(type, buf);
    } catch (IOException refused) {
      if (type != HandshakeType.finished) {
        throw refused;
      }
      if (TlsUtils.isTLSv13(getContext())) {
        throw new TlsFatalAlert(AlertDescription.decrypt_error, "tls: invalid client finished hash", refused);
      }
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "tls: client's Finished message is incorrect",
          refused);
    }
  }

  @Override
  protected void sendServerHelloDoneMessage() throws IOException {
    super.sendServerHelloDoneMessage();
    int group = tlsServer instanceof GoTlsServer server ? server.tls12Group() : -1;
    if (GoTls12Flight.readsAfter(group)) {
      int suite = getContext().getSecurityParametersHandshake().getCipherSuite();
      flightReader = GoTls12Flight.full(group, suite, this::openTls12);
    }
  }

  @Override
  protected void send13ServerHelloCoda(ServerHello serverHello, boolean afterHelloRetryRequest) throws IOException {
    super.send13ServerHelloCoda(serverHello, afterHelloRetryRequest);
    flightReader = new GoTls13Flight(this::openTls13);
    if (tlsServer instanceof GoTlsServer server) {
      byte[] ticket = server.resumption13().newSessionTicket(getContext().getSecurityParametersHandshake(), transcript);
      if (ticket != null) {
        super.safeWriteRecord(ContentType.handshake, ticket, 0, ticket.length); // no part of the transcript
      }
    }
  }

  /** Keeps the client's handshake keys, which the protocol leaves for the application's once this is sent. */
  @Override
  protected void send13FinishedMessage() throws IOException {
    handshakeKeys = new ClientRecordKeys(getContext().getSecurityParametersHandshake());
    super.send13FinishedMessage();
  }

  /** TLS 1.2: the protocol takes the records before (its key exchange brings the session's keys), then opens it. */
  private byte[] openTls12(byte[] before, int type, byte[] body) {
    try {
      offerInput(before);
    } catch (IOException refused) {
      return null;
    }
    return ClientRecordKeys.openTls12(getContext(), type, body);
  }

  /** TLS 1.3: opened with the client's handshake keys; nothing comes before. */
  private byte[] openTls13(byte[] before, int type, byte[] body) {
    return handshakeKeys == null ? null : handshakeKeys.openTls13(type, body);
  }

  /**
   * What reads the client's flight after the server's of a full handshake (TLS 1.2: up to its ServerHelloDone; TLS
   * 1.3: up to its Finished), once that was sent (null before, and after it was taken once).
   */
  GoReadOutcome.Reader takeFlightReader() {
    GoReadOutcome.Reader reader = flightReader;
    flightReader = null;
    return reader;
  }

  /** Fails the connection with a fatal alert of {@code description}, written as the connection writes its records. */
  void refuse(short description) throws IOException {
    raiseAlertFatal(description, "refused as Go refuses it", null);
    handleFailure();
  }

  /** The group a HelloRetryRequest sent asked the client for a key share of; -1 when none was sent. */
  int retryGroup() {
    return retryGroup;
  }

  /** Whether the client's {@code close_notify} came, after the handshake. */
  boolean inputEnded() {
    return inputEnded;
  }

  /** A failure of the handshake that Go's server ends with no alert, closing the connection without a byte. */
  static final class SilentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SilentFailure(String goError) {
      super(goError);
    }
  }

  private static byte[] bytes(HandshakeMessageInput message) {
    Bytes bytes = new Bytes();
    message.updateHash(bytes);
    return bytes.toByteArray();
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
