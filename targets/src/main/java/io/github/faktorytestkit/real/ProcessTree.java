package io.github.faktorytestkit.real;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and every process it started, gently first. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Sends SIGTERM to {@code process}, waits up to {@code grace} for it and then for each of its descendants (as
   * they were before the signal), and kills whatever is still alive. Blocks until all of them are gone.
   */
  static void stop(Process process, Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    stop(process.toHandle(), grace);
    descendants.forEach(descendant -> stop(descendant, grace));
  }

  private static void stop(ProcessHandle handle, Duration grace) {
    if (!awaitExit(handle, grace)) {
      handle.destroyForcibly();
      awaitExit(handle, grace);
    }
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
