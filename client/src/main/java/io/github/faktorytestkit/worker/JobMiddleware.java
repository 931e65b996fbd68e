package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.Job;

/**
 * Runs around every job a worker performs, for logging, metrics, tracing or context: it calls {@code next} to go on
 * (or throws to fail the job without running it). Middleware registered first runs outermost. It sees every job,
 * including one of an unknown jobtype (then {@code next} throws {@link UnknownJobTypeException}).
 *
 * <pre>{@code
 * JobMiddleware timing = (job, next) -> {
 *   long start = System.nanoTime();
 *   try {
 *     next.perform(job);
 *   } finally {
 *     metrics.record(job.jobtype(), System.nanoTime() - start);
 *   }
 * };
 * }</pre>
 *
 * <p>Called by several processor threads at once: it must be thread-safe.
 */
@FunctionalInterface
public interface JobMiddleware {

  /** Handles {@code job}, calling {@code next.perform(job)} to run the rest of the chain and the handler. */
  void perform(Job job, JobHandler next) throws Exception;
}
