package io.github.faktorytestkit.fake.standalone;

/**
 * A reason the standalone server cannot start. A command-line mistake is printed on stderr with the usage, as Go's
 * flag package does; any other failure becomes an error line of the server log on stdout, as Faktory logs it.
 */
final class StartupException extends Exception {
  private final int exitStatus;
  private final boolean commandLineMistake;

  private StartupException(String message, int exitStatus, boolean commandLineMistake) {
    super(message);
    this.exitStatus = exitStatus;
    this.commandLineMistake = commandLineMistake;
  }

  /** Returns a failure caused by the command line, printed with the usage. */
  static StartupException commandLine(String message, int exitStatus) {
    return new StartupException(message, exitStatus, true);
  }

  /** Returns a failure to create or boot the server, logged as an error line; exit status 1. */
  static StartupException boot(String message) {
    return new StartupException(message, 1, false);
  }

  /** Returns the process exit status for this failure. */
  int exitStatus() {
    return exitStatus;
  }

  /** Returns whether the command line was at fault, so the usage is printed. */
  boolean commandLineMistake() {
    return commandLineMistake;
  }
}
