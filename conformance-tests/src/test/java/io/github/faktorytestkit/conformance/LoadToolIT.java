package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.NeedsStandaloneJar;
import io.github.faktorytestkit.real.RealTargets;
import io.github.faktorytestkit.real.StandaloneFakeProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faktory's own Go load tester, a client nobody here wrote, against the fake's standalone jar: {@code load 30000
 * 10} pushes and pops 30000 jobs on 10 connections. The same run against real Faktory checks the figures asserted.
 * The tool counts on several threads and stops each at 30000, so it reports up to 4 more (5 pushing threads): real
 * Faktory shows the same. Timings are printed, not asserted.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@Heavy
@NeedsStandaloneJar
class LoadToolIT {
  private static final int JOBS = 30_000;
  private static final int THREADS = 10;
  private static final Pattern PROCESSED =
      Pattern.compile("Processed (\\d+) pushes and (\\d+) pops in ([0-9.]+) seconds, rate: ([0-9.]+) jobs/s");

  @Test
  void goLoadToolRunsThirtyThousandJobsThroughTheStandaloneFakeJar() throws Exception {
    Path load = RealTargets.requireLoadTool();
    Path jar = Path.of(System.getProperty("faktory.fake.jar", "../fake-server/target/faktory-fake-server.jar"));
    assertThat(jar).as("the standalone jar (mvn package in fake-server builds it)").isRegularFile();
    try (StandaloneFakeProcess fake = StandaloneFakeProcess.start(jar)) {
      runAndCheck(load, fake.url(), "fake jar");
    }
  }

  @Test
  void goLoadToolGivesTheSameFiguresOnRealFaktory() throws Exception {
    assumeTrue(TargetKind.allowed().contains(TargetKind.LOCAL), "-Dfaktory.targets leaves out local");
    Path load = RealTargets.requireLoadTool();
    RealTargets.requireLocalFaktory();
    try (LocalFaktory real = LocalFaktory.start()) {
      runAndCheck(load, real.url(), "local faktory");
    }
  }

  private static void runAndCheck(Path load, URI url, String target) throws IOException, InterruptedException {
    Instant start = Instant.now();
    ProcessBuilder builder = new ProcessBuilder(load.toString(), String.valueOf(JOBS), String.valueOf(THREADS))
        .redirectErrorStream(true);
    builder.environment().put("FAKTORY_URL", url.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    Duration took = Duration.between(start, Instant.now());

    List<String> lines = output.lines().toList();
    assertThat(lines).as("no client errors").hasSize(2)
        .first().isEqualTo("Running loadtest with " + JOBS + " jobs and " + THREADS + " threads");
    Matcher figures = PROCESSED.matcher(lines.get(1));
    assertThat(figures.matches()).as(lines.get(1)).isTrue();
    long pushes = Long.parseLong(figures.group(1));
    long pops = Long.parseLong(figures.group(2));
    assertThat(pushes).isBetween((long) JOBS, JOBS + THREADS / 2 - 1L);
    assertThat(pops).isBetween((long) JOBS, JOBS + THREADS / 2 - 1L);
    assertServerCounted(url, pushes, pops);
    System.out.printf("[load] %s: %s (tool's time %s s, process %d ms)%n",
        target, lines.get(1), figures.group(3), took.toMillis());
    Files.writeString(Path.of("target", "load-" + target.replace(' ', '-') + ".txt"), output);
  }

  /**
   * Every pop fetched a job and ACKed or FAILed it; what was pushed and not popped is still enqueued, and so is every
   * FAILed job whose retry already fell due (a run longer than the shortest backoff, 15 s, on a busy machine).
   */
  private static void assertServerCounted(URI url, long pushes, long pops) {
    try (FaktoryClient client = FaktoryClient.connect(url.toString())) {
      ServerInfo info = client.info();
      long retriedAlready = info.totalFailures() - info.setSize("retries");
      assertThat(info.totalProcessed()).isEqualTo(pops);
      assertThat(info.totalEnqueued()).as("enqueued: pushed, not popped, plus %d retried", retriedAlready)
          .isEqualTo(pushes - pops + retriedAlready);
      assertThat(info.totalFailures()).isBetween(1L, pops / 20);
      assertThat(info.queues()).containsOnlyKeys("queue0", "queue1", "queue2", "queue3", "queue4");
    }
  }
}
