package io.github.faktorytestkit.worker;

/** Thrown inside the worker when a command is abandoned because the worker stops; never leaves the package. */
final class WorkerStoppedException extends RuntimeException {
  WorkerStoppedException(String command, RuntimeException lastFailure) {
    super(command + " abandoned: the worker is stopping", lastFailure, false, false);
  }
}
