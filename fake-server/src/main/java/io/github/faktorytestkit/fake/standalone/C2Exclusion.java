package io.github.faktorytestkit.fake.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes HotSpot's C2 compiler out of the jar's JVM once it is ready, as the {@code faktory} launcher's
 * {@code -XX:TieredStopAtLevel=1} does from the start (a flag {@code java -jar} cannot give itself). A test's
 * server lives seconds: under Go's {@code load} C2's compiles took ~1.6 s of CPU per 30,000 jobs and never paid
 * back. It adds the compiler directive {@code [{match: "*.*", c2: {Exclude: true}}]} with the diagnostic command
 * {@code Compiler.directives_add}, sent to the JVM's own attach listener ({@link AttachListener}).
 *
 * <p>Nothing is done, silently, where that could not work or would do harm: not HotSpot, already C1 only, the attach
 * mechanism disabled ({@code -XX:+DisableAttachMechanism}), or {@code SIGQUIT} left to the system ({@code -Xrs}),
 * where it would end the process. Any failure on the way leaves C2 on. Runs on a daemon thread; only the jar's main
 * starts it, a {@code FakeFaktory} inside a test's JVM leaves that JVM alone.
 */
final class C2Exclusion {
  /** The directive: no method is compiled by C2 from now on (C1 compiles them instead). */
  static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

  private C2Exclusion() {}

  /** Starts the exclusion on a daemon thread, unless this JVM cannot or need not take it. */
  static void start() {
    if (!applies()) {
      return;
    }
    Thread excluder = new Thread(C2Exclusion::excludeQuietly, "faktory-fake-c2-exclusion");
    excluder.setDaemon(true);
    excluder.start();
  }

  /** Whether this is HotSpot with C2 on and an attach listener that {@code SIGQUIT} may start. */
  static boolean applies() {
    return HotSpotFlags.value("TieredStopAtLevel").map(Integer::parseInt).orElse(0) >= HotSpotFlags.FULL_OPTIMIZATION
        && AttachListener.usable();
  }

  private static void excludeQuietly() {
    try {
      exclude();
    } catch (IOException | RuntimeException e) {
      // C2 stays on: the JVM compiles as any java -jar does
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds the directive through the attach listener; returns the command's output. */
  static String exclude() throws IOException, InterruptedException {
    Path directives = Files.createTempFile("faktory-fake-c2-", ".json");
    try {
      Files.writeString(directives, DIRECTIVE);
      return AttachListener.run("Compiler.directives_add " + directives);
    } finally {
      Files.deleteIfExists(directives);
    }
  }
}
