package io.github.faktorytestkit.fake.standalone;

/** A reason the standalone server cannot start, with the text it prints and the exit status it ends with. */
final class StartupException extends Exception {
  private final int exitStatus;

  StartupException(String message, int exitStatus) {
    super(message);
    this.exitStatus = exitStatus;
  }

  /** Returns the process exit status for this failure. */
  int exitStatus() {
    return exitStatus;
  }
}
