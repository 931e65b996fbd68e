package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.Job;

/**
 * Performs the jobs of one jobtype. Returning normally ACKs the job; throwing FAILs it with the exception's class,
 * message and backtrace, and the server retries it as the job's {@code retry} says.
 *
 * <p>Called by several processor threads at once (one job each), so it must be thread-safe. A handler still running
 * when a shutdown times out is interrupted and its job FAILed; it should then return soon.
 */
@FunctionalInterface
public interface JobHandler {

  /** Performs {@code job}. */
  void perform(Job job) throws Exception;
}
