package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.client.FaktoryAuthenticationException;
import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryConnectionException;
import io.github.faktorytestkit.client.FaktoryHandshakeException;

/**
 * Opens the connections of {@link ClientLoad} and {@link WorkerLoad}, retrying a few times: real Faktory drops a
 * connection whose HELLO comes later than 2 s after its HI, which a cold JVM on a loaded machine can miss.
 */
final class LoadClients {
  private static final int ATTEMPTS = 3;

  private LoadClients() {}

  /**
   * Returns a client connected to {@code url}, after up to {@value #ATTEMPTS} attempts; a refused password fails at
   * once.
   */
  static FaktoryClient connect(String url) {
    for (int attempt = 1; ; attempt++) {
      try {
        return FaktoryClient.connect(url);
      } catch (FaktoryConnectionException | FaktoryHandshakeException e) {
        if (attempt == ATTEMPTS || e instanceof FaktoryAuthenticationException) {
          throw e;
        }
      }
    }
  }
}
