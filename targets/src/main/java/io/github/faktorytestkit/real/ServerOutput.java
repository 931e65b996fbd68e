package io.github.faktorytestkit.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects a server process's output lines on a daemon thread, so that the pipe never fills, and lets callers
 * wait for a line. Thread-safe.
 */
final class ServerOutput {
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private boolean ended;

  ServerOutput(InputStream output, String threadName) {
    reader = new Thread(() -> readAll(output), threadName);
    reader.setDaemon(true);
    reader.start();
  }

  /** Returns everything read so far, one line per line. */
  synchronized String text() {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Returns whether the output has ended (the process closed it, normally by exiting). */
  synchronized boolean ended() {
    return ended;
  }

  /**
   * Blocks until a line matches {@code pattern} and returns the match; returns empty when the output ends or
   * {@code deadline} passes first.
   */
  synchronized Optional<Matcher> awaitLine(Pattern pattern, Instant deadline) throws InterruptedException {
    int scanned = 0;
    while (true) {
      for (; scanned < lines.size(); scanned++) {
        Matcher matcher = pattern.matcher(lines.get(scanned));
        if (matcher.find()) {
          return Optional.of(matcher);
        }
      }
      long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
      if (ended || waitMillis <= 0) {
        return Optional.empty();
      }
      wait(waitMillis);
    }
  }

  /** Blocks up to {@code timeout} until the reader has seen the end of the output. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(Math.max(1, timeout.toMillis()));
  }

  private void readAll(InputStream output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        append(line);
      }
    } catch (IOException e) {
      append("[faktory-testkit] reading the output failed: " + e);
    } finally {
      markEnded();
    }
  }

  private synchronized void append(String line) {
    lines.add(line);
    notifyAll();
  }

  private synchronized void markEnded() {
    ended = true;
    notifyAll();
  }
}
