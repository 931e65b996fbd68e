package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.AbstractTlsServer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ECPointFormat;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SessionParameters;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The server side of one TLS connection on BouncyCastle's TLS protocol ({@link TlsProtocolHandler}), set up as Go's
 * {@code tls.Config} of Faktory for the client hello {@link GoClientHello} read: TLS 1.3 and 1.2, Go's cipher suites
 * in the order Go uses for that client ({@link GoCipherSuites}), the key exchange group Go picks
 * ({@link GoNamedGroups}), the one certificate and key ({@link GoSigners}), the client's server name acknowledged
 * whatever it is, and handshake messages of up to 64 KiB, as Go takes them. It issues Go's session tickets
 * ({@link SessionTickets}) and resumes the sessions of those it issued, as Go's {@code checkForResumption}: over TLS
 * 1.2 here, over TLS 1.3 with an external PSK ({@link GoTls13Resumption}).
 */
final class GoTlsServer extends AbstractTlsServer {
  private static final int MAX_HANDSHAKE = 65536;
  private static final Integer SESSION_TICKET = ExtensionType.session_ticket;
  private static final short[] UNCOMPRESSED = {ECPointFormat.uncompressed};
  /**
   * The client extensions BouncyCastle reads that Go's server ignores: max_fragment_length, trusted_ca_keys,
   * truncated_hmac, status_request (Go staples no OCSP response here, and ignores another type), status_request_v2,
   * the certificate types and encrypt_then_mac; BouncyCastle refuses some that Go takes, and answers others.
   */
  private static final List<Integer> IGNORED = List.of(ExtensionType.max_fragment_length,
      ExtensionType.trusted_ca_keys, ExtensionType.truncated_hmac, ExtensionType.status_request,
      ExtensionType.status_request_v2, ExtensionType.client_certificate_type, ExtensionType.server_certificate_type,
      ExtensionType.encrypt_then_mac);

  private final ClientHelloMessage hello;
  private final GoSigners signers;
  private final SessionTickets tickets;
  private final GoTls13Resumption resumption13;
  private TicketState resumed;
  private int tls12Group = -1;

  GoTlsServer(TlsCrypto crypto, ClientHelloMessage hello, GoSigners signers, SessionTickets tickets,
      GoTls13Tickets tickets13) {
    super(crypto);
    this.hello = hello;
    this.signers = signers;
    this.tickets = tickets;
    this.resumption13 = new GoTls13Resumption(hello, tickets13, crypto);
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return GoCipherSuites.order(GoCipherSuites.aesGcmPreferred(hello.cipherSuites));
  }

  @Override
  protected boolean preferLocalCipherSuites() {
    return true;
  }

  @Override
  public int[] getSupportedGroups() {
    return GoNamedGroups.serverGroups(hello, signers.key());
  }

  @Override
  public boolean preferLocalSupportedGroups() {
    return GoNamedGroups.tls13(hello);
  }

  /** TLS 1.2: a suite whose key exchange the key signs for ({@code ECDHE_ECDSA} or {@code ECDHE_RSA}). */
  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's signature
  protected boolean isSelectableCipherSuite(int cipherSuite, int availCurveBits, int availFiniteFieldBits,
      Vector sigAlgs) {
    boolean ecdsa = TlsUtils.getKeyExchangeAlgorithm(cipherSuite) == KeyExchangeAlgorithm.ECDHE_ECDSA;
    return ecdsa == signers.key().ecdsaSuites()
        && super.isSelectableCipherSuite(cipherSuite, availCurveBits, availFiniteFieldBits, sigAlgs);
  }

  /** TLS 1.2: the client's first group Go takes for ECDHE, in the client's order. */
  @Override
  protected int selectECDH(int minimumCurveBits) {
    int[] client = context.getSecurityParametersHandshake().getClientSupportedGroups();
    if (client == null) {
      tls12Group = NamedGroup.secp256r1;
      return NamedGroup.secp256r1;
    }
    for (int group : client) {
      if (GoNamedGroups.tls12(group)) {
        tls12Group = group;
        return group;
      }
    }
    return -1;
  }

  /** TLS 1.2: the group chosen for ECDHE ({@link #selectECDH}), -1 before or without one. */
  int tls12Group() {
    return tls12Group;
  }

  @Override
  public int getMaxHandshakeMessageSize() {
    return MAX_HANDSHAKE;
  }

  /** The client's extensions without those Go's server does not read or ignores ({@link #IGNORED}). */
  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's signature
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    IGNORED.forEach(clientExtensions::remove);
    super.processClientExtensions(clientExtensions);
  }

  /** TLS 1.2: the session of the client's ticket, under the client's session id, when Go would resume it. */
  @Override
  public TlsSession getSessionToResume(byte[] sessionID) {
    resumed = tickets.open(hello.ticket).filter(this::resumable).orElse(null);
    if (resumed == null) {
      return null;
    }
    SessionParameters session = new SessionParameters.Builder().setNegotiatedVersion(ProtocolVersion.TLSv12)
        .setCipherSuite(resumed.cipherSuite()).setExtendedMasterSecret(resumed.extendedMasterSecret())
        .setMasterSecret(getCrypto().createSecret(resumed.secret())).build();
    return TlsUtils.importSession(sessionID, session);
  }

  /**
   * Go's checks of a ticket's session: of TLS 1.2, not older than Go's ticket lifetime, its suite still offered by
   * the client and selectable for this key and client, and the extended master secret used as the client offers it
   * now; a session with it, presented without it, fails the handshake without an alert
   * ({@link GoServerProtocol.SilentFailure}).
   */
  private boolean resumable(TicketState state) {
    int suite = state.cipherSuite();
    boolean suitable = state.version() == TicketState.TLS12 && state.freshAt(Instant.now())
        && hello.cipherSuites.contains(suite)
        && Arrays.stream(getSupportedCipherSuites()).anyMatch(s -> s == suite)
        && TlsUtils.isValidVersionForCipherSuite(suite, ProtocolVersion.TLSv12)
        && (TlsUtils.getKeyExchangeAlgorithm(suite) == KeyExchangeAlgorithm.ECDHE_ECDSA) == signers.key().ecdsaSuites()
        && selectECDH(0) != -1;
    boolean clientEms = clientExtensions.containsKey(TlsExtensionsUtils.EXT_extended_master_secret);
    if (suitable && state.extendedMasterSecret() && !clientEms) {
      throw new GoServerProtocol.SilentFailure("tls: session supported extended_master_secret but client does not");
    }
    return suitable && state.extendedMasterSecret() == clientEms;
  }

  /** Go's ticket: a lifetime hint of 0, and the session sealed (a resumed one again, as Go re-wraps it). */
  @Override
  public NewSessionTicket getNewSessionTicket() {
    return new NewSessionTicket(0L, tickets.seal(resumed != null ? resumed : sessionState()));
  }

  private TicketState sessionState() {
    SecurityParameters parameters = context.getSecurityParametersHandshake();
    byte[] secret = getCrypto().adoptSecret(parameters.getMasterSecret()).extract();
    return TicketState.tls12(parameters.getCipherSuite(), Instant.now().getEpochSecond(), secret,
        parameters.isExtendedMasterSecret(), parameters.getNegotiatedGroup());
  }

  /**
   * A resumption's server hello as Go's: {@code session_ticket} (Go always sends a new ticket), the point formats
   * when the client sent its own, and no server name acknowledged.
   */
  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's signature
  public void getServerExtensionsForConnection(Hashtable serverExtensions) throws IOException {
    super.getServerExtensionsForConnection(serverExtensions);
    if (resumed != null) {
      TlsExtensionsUtils.addEmptyExtensionData(serverExtensions, SESSION_TICKET);
      if (clientSentECPointFormats) {
        TlsExtensionsUtils.addSupportedPointFormatsExtension(serverExtensions, UNCOMPRESSED);
      }
    }
  }

  /** TLS 1.3: the sessions of this connection's tickets. */
  GoTls13Resumption resumption13() {
    return resumption13;
  }

  /** TLS 1.3: the session of a ticket Go resumes, as an external PSK (null for a full handshake). */
  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's signature
  public TlsPSKExternal getExternalPSK(Vector identities) {
    return resumption13.psk();
  }

  /**
   * Go's acknowledgements: the client's server name, whatever it is (but in a TLS 1.3 resumption), and over TLS 1.2
   * a client's {@code session_ticket} extension (a ticket is sent after the handshake).
   */
  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's signature
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    if (hello.serverName.length > 0 && resumption13.psk() == null) {
      TlsExtensionsUtils.addServerNameExtensionServer(extensions);
    }
    if (!TlsUtils.isTLSv13(context) && hello.sessionTicket) {
      TlsExtensionsUtils.addEmptyExtensionData(extensions, SESSION_TICKET);
    }
    return extensions;
  }

  @Override
  public TlsCredentials getCredentials() throws IOException {
    TlsCredentials credentials = signers.signer(context);
    if (credentials == null) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }
    return credentials;
  }

  /** Go's server goes on with a client that does not offer secure renegotiation. */
  @Override
  public void notifySecureRenegotiation(boolean secureRenegotiation) {
    // Go's server never renegotiates, and takes any client
  }
}
