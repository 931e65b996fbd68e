package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Set;

/**
 * A certificate of the served chain as Go serves it: its DER as the PEM held it, never parsed (Go's server sends
 * {@code tls.Certificate.Certificate} as it is, and reads no certificate but the first, which {@link X509KeyPair}
 * reads as Go does). BouncyCastle's TLS protocol takes the chain as {@link X509Certificate}s and sends
 * each one's {@link #getEncoded()}; what they may ask besides has Go's answer for a server (no extension to honour,
 * such as a must-staple {@code status_request} feature, no signature algorithm to bind a channel to), and what a
 * server never asks is unsupported. Immutable.
 */
final class RawCertificate extends X509Certificate {
  private static final long serialVersionUID = 1L;

  private final byte[] der;

  RawCertificate(byte[] der) {
    this.der = der.clone();
  }

  @Override
  public byte[] getEncoded() {
    return der.clone();
  }

  /** None: the extensions are not read. */
  @Override
  public byte[] getExtensionValue(String oid) {
    return null;
  }

  /** None: the signature algorithm is not read. */
  @Override
  public String getSigAlgOID() {
    return null;
  }

  @Override
  public String toString() {
    return "certificate of " + der.length + " bytes, served unread";
  }

  @Override
  public void checkValidity() {
    throw unread();
  }

  @Override
  public void checkValidity(Date date) {
    throw unread();
  }

  @Override
  public int getVersion() {
    throw unread();
  }

  @Override
  public BigInteger getSerialNumber() {
    throw unread();
  }

  @Override
  @SuppressWarnings("deprecation") // abstract, and deprecated, in X509Certificate
  public Principal getIssuerDN() {
    throw unread();
  }

  @Override
  @SuppressWarnings("deprecation") // abstract, and deprecated, in X509Certificate
  public Principal getSubjectDN() {
    throw unread();
  }

  @Override
  public Date getNotBefore() {
    throw unread();
  }

  @Override
  public Date getNotAfter() {
    throw unread();
  }

  @Override
  public byte[] getTBSCertificate() {
    throw unread();
  }

  @Override
  public byte[] getSignature() {
    throw unread();
  }

  @Override
  public String getSigAlgName() {
    throw unread();
  }

  @Override
  public byte[] getSigAlgParams() {
    throw unread();
  }

  @Override
  public boolean[] getIssuerUniqueID() {
    throw unread();
  }

  @Override
  public boolean[] getSubjectUniqueID() {
    throw unread();
  }

  @Override
  public boolean[] getKeyUsage() {
    throw unread();
  }

  @Override
  public int getBasicConstraints() {
    throw unread();
  }

  @Override
  public boolean hasUnsupportedCriticalExtension() {
    throw unread();
  }

  @Override
  public Set<String> getCriticalExtensionOIDs() {
    throw unread();
  }

  @Override
  public Set<String> getNonCriticalExtensionOIDs() {
    throw unread();
  }

  @Override
  public void verify(PublicKey key) {
    throw unread();
  }

  @Override
  public void verify(PublicKey key, String sigProvider) {
    throw unread();
  }

  @Override
  public PublicKey getPublicKey() {
    throw unread();
  }

  private static UnsupportedOperationException unread() {
    return new UnsupportedOperationException("the certificate is served unread, as by Go's server");
  }
}
