package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Pins the deliberate differences of {@code fake-server/KNOWN-DIFFERENCES.md} that show on the wire: the scripts of
 * {@code wire-known-differences.txt} go to a fresh fake and to real Faktory, and each side's transcript must equal
 * its pinned one ({@code wire-known-differences.real.txt}, {@code .fake.txt}). Fixing the fake, or a change of the
 * real server, therefore fails here until the pin and the known-differences line are updated.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
@TargetDefaults(kinds = {TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL})
class KnownDifferencesIT {
  private static final List<WireScript> SCRIPTS = WireScripts.load("/wire-known-differences.txt");

  @AcrossTargets
  void invalidUtf8InLinesIsAnsweredAsPinnedByEachServer(Target real) {
    List<String> pinnedReal = pinned("/wire-known-differences.real.txt");
    List<String> pinnedFake = pinned("/wire-known-differences.fake.txt");
    List<String> realAnswers =
        WireScripts.transcripts(SCRIPTS, real.url(), WireScripts.server(real), "known-" + real.name());
    List<String> fakeAnswers;
    try (Target fake = Targets.start(TargetKind.FAKE, null)) {
      fakeAnswers = WireScripts.transcripts(SCRIPTS, fake.url(), WireScripts.server(fake), "known-" + fake.name());
    }
    assertThat(realAnswers).as("real Faktory's answers").containsExactlyElementsOf(pinnedReal);
    assertThat(fakeAnswers).as("the fake's answers").containsExactlyElementsOf(pinnedFake);
    assertThat(pinnedFake).as("the pins still record a difference").isNotEqualTo(pinnedReal);
  }

  private static List<String> pinned(String resource) {
    return WireScripts.resourceText(resource).lines().toList();
  }
}
