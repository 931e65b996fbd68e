package io.github.faktorytestkit.fake.transport;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCX509ExtendedKeyManager;
import org.bouncycastle.jsse.BCX509Key;

/**
 * The one certificate chain and key of a Go server ({@code tls.Config.Certificates} of one pair), offered to
 * BouncyCastle's JSSE engine of the standalone jar's web endpoints ({@link BouncyCastleTls}) as Go offers it: for every handshake whose signature can be made
 * with the key, whatever the client's server name, the chain's own signature algorithms or its validity (BouncyCastle's
 * own key managers refuse a server name that is not a host name with {@code internal_error}, and a chain signed with
 * an algorithm the client did not list). Which signatures the key makes ({@link ServerKey}) is named in the engine's
 * key types: {@code ECDHE_ECDSA} or {@code ECDHE_RSA} (and the key's algorithm) for TLS 1.2, the key's algorithm (and
 * curve) for TLS 1.3. A server's manager: it chooses no client key.
 */
final class GoKeyManager extends BCX509ExtendedKeyManager {
  private static final String ALIAS = "faktory";

  private final X509Certificate[] chain;
  private final PrivateKey key;
  private final List<String> keyTypes;

  GoKeyManager(X509Certificate[] chain, PrivateKey key, ServerKey capabilities) {
    this.chain = chain.clone();
    this.key = key;
    this.keyTypes = keyTypes(capabilities);
  }

  private static List<String> keyTypes(ServerKey key) {
    if (key.curve() != 0) {
      // P-224: TLS 1.2 only, no TLS 1.3 signature scheme
      return key.tls13Schemes().isEmpty() ? List.of("ECDHE_ECDSA")
          : List.of("ECDHE_ECDSA", "EC/" + GoNamedGroups.name(key.curve()));
    }
    return key.ecdsaSuites() ? List.of("Ed25519") : List.of("ECDHE_RSA", "RSA");
  }

  private record Key(X509Certificate[] certificateChain, String keyType, PrivateKey privateKey) implements BCX509Key {
    @Override
    public X509Certificate[] getCertificateChain() {
      return certificateChain.clone();
    }

    @Override
    public String getKeyType() {
      return keyType;
    }

    @Override
    public PrivateKey getPrivateKey() {
      return privateKey;
    }
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return keyTypes.contains(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return keyTypes.contains(keyType) ? ALIAS : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return keyTypes.contains(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  protected BCX509Key getKeyBC(String keyType, String alias) {
    return ALIAS.equals(alias) && keyTypes.contains(keyType) ? new Key(chain, keyType, key) : null;
  }
}
