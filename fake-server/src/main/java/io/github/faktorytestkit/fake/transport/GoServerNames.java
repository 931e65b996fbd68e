package io.github.faktorytestkit.fake.transport;

import java.util.List;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCSNIHostName;
import org.bouncycastle.jsse.BCSNIMatcher;
import org.bouncycastle.jsse.BCSNIServerName;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCStandardConstants;

/**
 * Go's server acknowledges the server name of a full handshake, whatever it is (an empty {@code server_name}
 * extension in its TLS 1.2 server hello or TLS 1.3 encrypted extensions); BouncyCastle's engine acknowledges one a
 * matcher of its parameters matched, so a client hello with a server name gets a matcher taking any. Only a name the
 * engine reads as a host name: it reads the client's names before matching, and fails the handshake with
 * {@code internal_error} on one that is not (Go goes on with it, acknowledged).
 */
final class GoServerNames {
  private GoServerNames() {}

  /** Has {@code engine} (BouncyCastle's, not started) acknowledge the server name of {@code hello}, if any. */
  static void acknowledge(SSLEngine engine, ClientHelloMessage hello) {
    if (hello.serverName.length == 0 || !hostName(hello.serverName)) {
      return;
    }
    BCSSLEngine bouncyCastle = (BCSSLEngine) engine;
    BCSSLParameters parameters = bouncyCastle.getParameters();
    parameters.setSNIMatchers(List.of(new AnyHostName()));
    bouncyCastle.setParameters(parameters);
  }

  private static boolean hostName(byte[] name) {
    try {
      new BCSNIHostName(name);
      return true;
    } catch (IllegalArgumentException notAHostName) {
      return false;
    }
  }

  /** Matches every host name. */
  private static final class AnyHostName extends BCSNIMatcher {
    AnyHostName() {
      super(BCStandardConstants.SNI_HOST_NAME);
    }

    @Override
    public boolean matches(BCSNIServerName serverName) {
      return true;
    }
  }
}
