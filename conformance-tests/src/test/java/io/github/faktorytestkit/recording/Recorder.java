package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.recorder.RecordingProxy;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptHeader;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Records every scenario against real Faktory: each on a fresh server of its own (so no recording depends on
 * another), through a {@link RecordingProxy}, into {@code <out>/faktory-<version>/<scenario>.txt}. Slow scenarios
 * run all at once on their own servers while the fast ones run a few at a time.
 */
final class Recorder {
  private static final int FAST_THREADS = 3;
  /**
   * Where the proxies listen: another loopback address than the servers' 127.0.0.1, so that a server starting in
   * parallel, probing a port it was given a moment ago, can never reach another scenario's proxy on that port.
   */
  private static final InetSocketAddress PROXY_ADDRESS = new InetSocketAddress("127.0.0.2", 0);

  private final Path out;
  private final Path binaries;

  Recorder(Path out, Path binaries) {
    this.out = out;
    this.binaries = binaries;
  }

  /** Returns every scenario, in file order. */
  static List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>(ScriptScenarios.all());
    all.addAll(SessionScenarios.all());
    return all;
  }

  /** Records every scenario whose name contains {@code only} for every version; returns the files written. */
  List<Path> record(List<String> versions, String only) throws Exception {
    ExecutorService slow = Executors.newCachedThreadPool();
    ExecutorService fast = Executors.newFixedThreadPool(FAST_THREADS);
    List<Future<Path>> written = new ArrayList<>();
    try {
      for (String version : versions) {
        for (Scenario scenario : scenarios()) {
          if (!scenario.name().contains(only)) {
            continue;
          }
          written.add((scenario.slow() ? slow : fast).submit(() -> record(version, scenario)));
        }
      }
      List<Path> files = new ArrayList<>();
      for (Future<Path> file : written) {
        files.add(file.get());
      }
      return files;
    } finally {
      slow.shutdownNow();
      fast.shutdownNow();
    }
  }

  private Path record(String version, Scenario scenario) throws Exception {
    Path binary = binaries.resolve("faktory-" + version).resolve("faktory");
    String password = scenario.password() ? Scenario.PASSWORD : null;
    try (LocalFaktory server = LocalFaktory.builder().binary(binary).password(password).start()) {
      RecordingProxy proxy = RecordingProxy.builder().upstream(server.url().toString()).listen(PROXY_ADDRESS)
          .drainTimeout(Duration.ofSeconds(5)).start();
      List<String> notes;
      try {
        notes = scenario.steps().run(new ScenarioContext(proxy.url(), server.webUrl(), version, password));
      } finally {
        proxy.close();
      }
      requireAlive(server.url(), version, scenario);
      Path file = out.resolve("faktory-" + version).resolve(scenario.fileName());
      TranscriptWriter.write(withHeader(proxy.transcript(), version, scenario, notes), file);
      return file;
    } catch (RuntimeException e) {
      throw new IllegalStateException("Faktory " + version + ", " + scenario.name() + ": " + e.getMessage(), e);
    }
  }

  private static Transcript withHeader(Transcript transcript, String version, Scenario scenario, List<String> notes) {
    TranscriptHeader header = TranscriptHeader.of("Faktory " + version, scenario.name(),
        transcript.header().recorded().orElseThrow(), "scripts/record (faktory-testkit recording proxy)");
    if (scenario.password()) {
      header = header.with("password", Scenario.PASSWORD);
    }
    if (!notes.isEmpty()) {
      header = header.with("note", String.join("; ", notes));
    }
    return transcript.withHeader(header);
  }

  /** Fails when the server no longer greets a new connection: the scenario crashed it. */
  private static void requireAlive(URI url, String version, Scenario scenario) {
    try (RawWire probe = RawWire.open(url)) {
      probe.read(Duration.ofSeconds(5)).orElseThrow();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Faktory " + version + " did not survive " + scenario.name(), e);
    }
  }
}
