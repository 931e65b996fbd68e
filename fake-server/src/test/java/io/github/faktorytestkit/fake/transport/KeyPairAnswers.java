package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link X509KeyPair} answers for a pair, against what Go's {@code tls.X509KeyPair} answers. */
final class KeyPairAnswers {
  private KeyPairAnswers() {}

  /** Asserts that the pair is read ({@code goRefusal} empty) or refused with {@code goRefusal}, as by Go. */
  static void assertAnswer(String certificatePem, String keyPem, String goRefusal) {
    if (goRefusal.isEmpty()) {
      assertThat(X509KeyPair.fromPem(certificatePem, keyPem).chain).isNotEmpty();
    } else {
      assertThatThrownBy(() -> X509KeyPair.fromPem(certificatePem, keyPem))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage(goRefusal);
    }
  }
}
