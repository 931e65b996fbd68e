package io.github.faktorytestkit.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's standalone jar as a child process, {@code java -jar faktory-fake-server.jar -b 127.0.0.1:0 -w
 * 127.0.0.1:0}: it binds free ports and prints the one it got in its ready line, as the faktory binary prints its
 * binding. Its output is collected on a daemon thread. Thread-safe.
 */
final class StandaloneFakeProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("PID \\d+ listening at 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final int port;

  private StandaloneFakeProcess(Process process) throws IOException {
    this.process = process;
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.port = awaitReady(lines);
    Thread drain = new Thread(() -> drain(lines), "standalone-fake-output");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Starts {@code jar} with the JVM running the tests and blocks until its ready line (as long as the caller's
   * timeout allows).
   *
   * @throws IllegalStateException when the process ends before it is ready; the message carries its output
   */
  static StandaloneFakeProcess start(Path jar) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(),
        "-b", "127.0.0.1:0", "-w", "127.0.0.1:0").redirectErrorStream(true);
    builder.environment().remove("FAKTORY_PASSWORD");
    try {
      return new StandaloneFakeProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + jar, e);
    }
  }

  /** Returns {@code tcp://127.0.0.1:PORT}. */
  URI url() {
    return URI.create("tcp://127.0.0.1:" + port);
  }

  /** Returns what the process printed so far. */
  synchronized String output() {
    return String.join("\n", output);
  }

  /** Stops the process with SIGTERM (SIGKILL after 10 s) and blocks until it is gone. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private int awaitReady(BufferedReader lines) throws IOException {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      append(line);
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        return Integer.parseInt(ready.group(1));
      }
    }
    close();
    throw new IllegalStateException("standalone fake: ended before its ready line (expected: \"PID n listening at"
        + " 127.0.0.1:PORT\"); output:\n" + output());
  }

  private void drain(BufferedReader lines) {
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        append(line);
      }
    } catch (IOException e) {
      append("[faktory-testkit] reading the output failed: " + e);
    }
  }

  private synchronized void append(String line) {
    output.add(line);
  }
}
