package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.recorder.RecordingProxy;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class RecordingExtensionTest {
  static volatile Path folder;
  static volatile FakeFaktory upstream;

  @Test
  void eachTestIsRecordedToAFileNamedAfterItsClassAndMethod(@TempDir Path temp) {
    folder = temp;
    try (FakeFaktory fake = FakeFaktory.start()) {
      upstream = fake;
      List<TestExecutionResult> results = run(Fixture.class);

      assertThat(results).extracting(TestExecutionResult::getStatus)
          .containsOnly(TestExecutionResult.Status.SUCCESSFUL).hasSize(2);
    }
    Transcript flushed = TranscriptReader.read(temp.resolve("Fixture").resolve("flushes.txt"));
    assertThat(flushed.header().scenario()).contains("Fixture: flushes(URI)");
    assertThat(flushed.frames()).extracting(frame -> frame.body().toString()).contains("FLUSH\\r\\n");
    Transcript informed = TranscriptReader.read(temp.resolve("Fixture").resolve("asksForInfo.txt"));
    assertThat(informed.frames()).extracting(frame -> frame.body().toString()).contains("INFO\\r\\n")
        .doesNotContain("FLUSH\\r\\n");
  }

  private static List<TestExecutionResult> run(Class<?> fixture) {
    List<TestExecutionResult> results = new ArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.add(result);
            }
          }
        });
    return results;
  }

  static class Fixture {
    @RegisterExtension
    static final RecordingExtension recording = RecordingExtension.upstream(upstream.url().toString()).into(folder);

    @Test
    void flushes(URI url) {
      try (FaktoryClient client = FaktoryClient.connect(url.toString())) {
        client.flush();
      }
    }

    @Test
    void asksForInfo(RecordingProxy proxy) {
      try (FaktoryClient client = FaktoryClient.connect(proxy.url().toString())) {
        client.info();
      }
    }
  }
}
