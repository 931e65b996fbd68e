package io.github.faktorytestkit.worker;

import java.util.Set;
import java.util.TreeSet;

/**
 * The failure reported for a fetched job whose jobtype has no handler in this worker: the job is FAILed with this
 * class as errtype, so the server retries it (perhaps on a worker that knows it).
 */
public final class UnknownJobTypeException extends RuntimeException {
  private final String jobtype;

  /** Creates the exception for {@code jobtype}, naming the jobtypes the worker does handle. */
  public UnknownJobTypeException(String jobtype, Set<String> registered) {
    super("no handler registered for jobtype " + jobtype + " (registered: " + new TreeSet<>(registered) + ")");
    this.jobtype = jobtype;
  }

  /** Returns the jobtype no handler was registered for. */
  public String jobtype() {
    return jobtype;
  }
}
