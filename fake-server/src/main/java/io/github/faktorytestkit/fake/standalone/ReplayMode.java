package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.replay.Matching;
import io.github.faktorytestkit.replay.ReplayFaktory;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar faktory-fake-server.jar replay FILE [-b binding] [--strict]}: serves the recording in {@code FILE}
 * ({@link ReplayFaktory}) where the {@code faktory} binary would listen ({@code -b}, the same ready line on stdout).
 * When signalled (SIGINT or SIGTERM) it prints the outcome on stderr, every mismatch as its near-miss diff and every
 * recorded frame no client played, and exits 0 when there was none, 1 otherwise: another language's CI fails its job
 * on it. {@code -w}, {@code -e}, {@code -d} and {@code -c} are accepted for drop-in use and ignored.
 */
final class ReplayMode {
  private static final Set<String> BOOLEAN_FLAGS = Set.of("strict");
  private static final Set<String> VALUE_FLAGS = Set.of("b", "l", "w", "e", "d", "c");

  Path recording;
  String binding = "localhost:7419";
  String logLevel = "info";
  boolean strict;

  /**
   * Returns the options in {@code args}: the recording first or after the flags; throws {@link StartupException}
   * (status 2) for a malformed line.
   */
  static ReplayMode parse(String... args) throws StartupException {
    boolean fileFirst = args.length > 0 && !args[0].startsWith("-");
    GoFlags flags = GoFlags.parse(BOOLEAN_FLAGS, VALUE_FLAGS,
        fileFirst ? Arrays.copyOfRange(args, 1, args.length) : args);
    List<String> files = fileFirst ? List.of(args[0]) : flags.arguments();
    if (files.size() != 1 || (fileFirst && !flags.arguments().isEmpty())) {
      throw StartupException.commandLine("replay: expected one recording FILE, got " + files.size()
          + (fileFirst ? " and " + flags.arguments() : ""), 2);
    }
    ReplayMode mode = new ReplayMode();
    mode.recording = Path.of(files.get(0));
    mode.binding = flags.value("b").orElse(mode.binding);
    mode.logLevel = flags.value("l").orElse(mode.logLevel);
    mode.strict = flags.isSet("strict");
    return mode;
  }

  /** Returns the usage text printed for a malformed command line. */
  static List<String> usage() {
    return List.of(
        "replay FILE [-b binding] [--strict]",
        "FILE\t\ta transcript (recordings/README.md) whose server side is played to the clients",
        "-b [binding]\tlisten address, as faktory's -b; default: localhost:7419",
        "--strict\tclient lines must be the recorded bytes (default: JSON as values, placeholders bound)");
  }

  /** Starts the replay as {@code args} say and prints the ready line; the caller waits for a signal. */
  static ReplayFaktory start(String[] args, PrintStream out) throws StartupException {
    ReplayMode mode = parse(args);
    Binding listen = Binding.parseOrRefuse(mode.binding, "Unable to boot the replay: cannot listen on ");
    ReplayFaktory replay;
    try {
      replay = ReplayFaktory.builder(mode.recording).host(listen.address().getHostString())
          .port(listen.address().getPort()).matching(mode.strict ? Matching.STRICT : Matching.LENIENT).start();
    } catch (RuntimeException e) {
      throw StartupException.boot("Unable to boot the replay: " + e.getMessage());
    }
    ServerLog log = new ServerLog(out, mode.logLevel, Clock.systemUTC());
    log.info("Replaying " + mode.recording);
    log.ready(listen, replay.port());
    return replay;
  }

  /** Returns the exit status of a finished replay (0 when it passed) after printing its outcome on {@code err}. */
  static int report(ReplayFaktory replay, PrintStream err) {
    try {
      replay.verify();
      err.println("Replay passed: every recorded frame played, no mismatch");
      return 0;
    } catch (AssertionError failed) {
      err.println(failed.getMessage());
      return 1;
    }
  }

  /** Runs the replay until the process is signalled, then prints its outcome and exits 0 if it passed, else 1. */
  static void run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    err.println("Faktory Testkit replay: serves a recorded Faktory transcript");
    ReplayFaktory replay;
    try {
      replay = start(args, out);
    } catch (StartupException | UncheckedIOException e) {
      err.println(e.getMessage());
      if (e instanceof StartupException startup && startup.commandLineMistake()) {
        usage().forEach(err::println);
      }
      System.exit(e instanceof StartupException startup ? startup.exitStatus() : 1);
      return;
    }
    Signals.awaitThen("faktory-replay-shutdown", () -> {
      replay.close();
      return report(replay, err);
    });
  }
}
