package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FaktoryUrlsTest {
  @Test
  void plainUrlHasNoUserInfo() {
    assertThat(FaktoryUrls.protocol(false, null, 7419)).isEqualTo(URI.create("tcp://127.0.0.1:7419"));
  }

  @Test
  void tlsUrlCarriesPassword() {
    assertThat(FaktoryUrls.protocol(true, "pw", 7419)).isEqualTo(URI.create("tcp+tls://:pw@127.0.0.1:7419"));
  }

  @Test
  void passwordIsPercentEncodedWhereNeeded() {
    URI url = FaktoryUrls.protocol(false, "a@b c", 7419);

    assertThat(url.getRawUserInfo()).isEqualTo(":a%40b%20c");
    assertThat(url.getUserInfo()).isEqualTo(":a@b c");
  }
}
