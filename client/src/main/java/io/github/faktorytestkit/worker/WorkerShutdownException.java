package io.github.faktorytestkit.worker;

import java.time.Duration;

/**
 * The failure reported for a job still running when a worker's shutdown timeout ran out: the job is FAILed with this
 * class as errtype, so the server retries it. Its backtrace is where the job's thread was at that moment.
 */
public final class WorkerShutdownException extends RuntimeException {

  /** Creates the exception for a shutdown that waited {@code timeout}. */
  public WorkerShutdownException(Duration timeout) {
    super("the worker shut down before the job finished (shutdown timeout " + timeout + ")");
  }
}
