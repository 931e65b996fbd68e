package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The wire-level differential check of the password handshake: the scripts of {@code wire-password-scripts.txt}
 * go to a fake and to real Faktory that both require a password, and the transcripts (HI's random iterations and
 * salt normalised, the iterations range-checked) must be equal. Each script's frames are written to {@code
 * target/wire-transcripts/password-<target>/<script>.txt} for inspection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
@TargetDefaults(kinds = {TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL}, password = WirePasswordDifferentialIT.PASSWORD)
class WirePasswordDifferentialIT {
  static final String PASSWORD = "wire-pw";
  private static final List<WireScript> SCRIPTS = WireScripts.load("/wire-password-scripts.txt");

  @AcrossTargets
  void passwordHandshakeGetsTheSameAnswersFromTheFakeAsFromRealFaktory(Target real) {
    List<String> expected =
        WireScripts.transcripts(SCRIPTS, real.url(), WireScripts.server(real), "password-" + real.name());
    List<String> actual;
    try (Target fake = Targets.start(TargetKind.FAKE, PASSWORD)) {
      actual = WireScripts.transcripts(SCRIPTS, fake.url(), WireScripts.server(fake), "password-" + fake.name());
    }
    WireScripts.report(getClass().getSimpleName(), real.name(), expected, actual);
    assertThat(WireScripts.divergences(expected, actual)).as("lines answered differently").isEmpty();
  }
}
