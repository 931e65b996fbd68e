package io.github.faktorytestkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fake's standalone jar as a child process, {@code java -jar faktory-fake-server.jar -b 127.0.0.1:0 -w
 * 127.0.0.1:0}: it binds free ports and prints the one it got in its ready line, as the faktory binary prints its
 * binding. Its output is collected on a daemon thread. Thread-safe.
 */
public final class StandaloneFakeProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("PID \\d+ listening at 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern WEB_READY =
      Pattern.compile("Web server now listening (via TLS )?at 127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Process process;
  private final ServerOutput output;
  private final int port;

  private StandaloneFakeProcess(Process process) throws InterruptedException {
    this.process = process;
    this.output = new ServerOutput(process.getInputStream(), "standalone-fake-output");
    this.port = output.awaitLine(READY, Instant.now().plus(START_TIMEOUT))
        .map(ready -> Integer.parseInt(ready.group(1)))
        .orElseThrow(this::notReady);
  }

  /**
   * Starts {@code jar} with the JVM running the tests and blocks until its ready line, for at most 30 s.
   *
   * @throws IllegalStateException when the process is not ready in time; the message carries its output
   */
  public static StandaloneFakeProcess start(Path jar) {
    return start(jar, List.of());
  }

  /**
   * Starts {@code jar} in another mode, {@code mode} coming first on its command line (e.g. {@code record --upstream
   * URL -o FILE}, {@code replay FILE}), and blocks until its ready line, as {@link #start(Path)} does.
   */
  public static StandaloneFakeProcess start(Path jar, List<String> mode) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
    command.addAll(mode);
    command.addAll(List.of("-b", "127.0.0.1:0", "-w", "127.0.0.1:0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("FAKTORY_PASSWORD");
    try {
      return new StandaloneFakeProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + jar, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + jar, e);
    }
  }

  /** Returns {@code tcp://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create("tcp://127.0.0.1:" + port);
  }

  /**
   * Returns {@code http://127.0.0.1:PORT} of the web endpoints, {@code https} when they serve TLS; blocks up to 30 s
   * for their line (which follows the ready line).
   *
   * @throws IllegalStateException when the line does not come in time
   */
  public URI webUrl() {
    try {
      return output.awaitLine(WEB_READY, Instant.now().plus(START_TIMEOUT))
          .map(web -> URI.create((web.group(1) == null ? "http" : "https") + "://127.0.0.1:" + web.group(2)))
          .orElseThrow(() -> new IllegalStateException("standalone fake: no web server line within "
              + START_TIMEOUT + "; output:\n" + output()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the web server line", e);
    }
  }

  /** Returns what the process printed so far. */
  public String output() {
    return output.text();
  }

  /** Returns the exit status of the stopped process ({@link #close()} first). */
  public int exitStatus() {
    return process.exitValue();
  }

  /** Stops the process with SIGTERM (SIGKILL after 10 s) and blocks until it is gone. */
  @Override
  public void close() {
    ProcessTree.stop(process, STOP_GRACE);
  }

  private IllegalStateException notReady() {
    close();
    return new IllegalStateException("standalone fake: no ready line within " + START_TIMEOUT
        + " (expected: \"PID n listening at 127.0.0.1:PORT\"); output:\n" + output());
  }
}
