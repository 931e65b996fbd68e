package io.github.faktorytestkit.client.internal;

import io.github.faktorytestkit.client.FaktoryUrl;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;

/**
 * How to open one connection: where, with which timeouts, which TLS context, and where the wire log goes.
 * Internal API.
 *
 * @param url the server (its password is not used here)
 * @param sslContext the TLS context for {@code tcp+tls} URLs, or null for the JVM default
 * @param connectTimeout the limit on establishing TCP (and TLS)
 * @param handshakeTimeout the limit on waiting for each handshake reply (HI, then the OK to HELLO)
 * @param readTimeout the limit on waiting for each whole reply
 * @param writeTimeout the limit on sending each whole command line
 * @param wireLogger the logger that gets every line sent and frame received at TRACE level
 */
public record ConnectionOptions(FaktoryUrl url, SSLContext sslContext, Duration connectTimeout,
    Duration handshakeTimeout, Duration readTimeout, Duration writeTimeout, Logger wireLogger) {

  /** Creates the value; everything except {@code sslContext} is required and timeouts must be positive. */
  public ConnectionOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(wireLogger, "wireLogger");
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("handshakeTimeout", handshakeTimeout);
    requirePositive("readTimeout", readTimeout);
    requirePositive("writeTimeout", writeTimeout);
  }

  private static void requirePositive(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": " + timeout + " (expected: 1 ms .. 24 days)");
    }
  }
}
