package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A job a processor holds between FETCH and its report. Exactly one party reports it: the processor (ACK or FAIL
 * with the handler's outcome) or the shutdown (FAIL once the timeout ran out), whichever claims it first.
 */
final class HeldJob {
  private enum Claim { RUNNING, REPORTING, ABANDONED }

  private final Job job;
  private final Thread thread;
  private final AtomicReference<Claim> claim = new AtomicReference<>(Claim.RUNNING);

  HeldJob(Job job, Thread thread) {
    this.job = job;
    this.thread = thread;
  }

  Job job() {
    return job;
  }

  /** Claims the report for the processor; false when the shutdown took the job already. */
  boolean claimReport() {
    return claim.compareAndSet(Claim.RUNNING, Claim.REPORTING);
  }

  /** Returns whether the processor has claimed the report. */
  boolean reporting() {
    return claim.get() == Claim.REPORTING;
  }

  /**
   * Claims the job for the shutdown while its handler still runs, interrupts the handler and returns the failure to
   * report: its backtrace is where the handler was. Returns null when the processor is reporting already.
   */
  WorkerShutdownException abandon(Duration timeout) {
    if (!claim.compareAndSet(Claim.RUNNING, Claim.ABANDONED)) {
      return null;
    }
    WorkerShutdownException failure = new WorkerShutdownException(timeout);
    failure.setStackTrace(thread.getStackTrace());
    thread.interrupt();
    return failure;
  }
}
