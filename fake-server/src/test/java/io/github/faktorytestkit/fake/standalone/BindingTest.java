package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BindingTest {

  @Test
  void hostAndPortAreBoundAsGiven() {
    Binding binding = Binding.parse("127.0.0.1:7419");

    assertThat(binding.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(binding.address().getPort()).isEqualTo(7419);
  }

  @Test
  void missingHostMeansEveryInterface() {
    assertThat(Binding.parse(":7419").address().getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void bracketedIpv6HostIsUnwrapped() {
    assertThat(Binding.parse("[::1]:7419").host()).isEqualTo("::1");
  }

  @Test
  void describeShowsTheBoundPortInPlaceOfPortZero() {
    assertThat(Binding.parse("127.0.0.1:0").describe(40123)).isEqualTo("127.0.0.1:40123");
    assertThat(Binding.parse("localhost:7419").describe(7419)).isEqualTo("localhost:7419");
  }

  @Test
  void malformedBindingsAreRejected() {
    assertThatThrownBy(() -> Binding.parse("7419")).hasMessage("binding: 7419 (expected: host:port or :port)");
    assertThatThrownBy(() -> Binding.parse("host:http"))
        .hasMessage("binding: host:http (expected: a port from 0 to 65535)");
  }
}
