package io.github.faktorytestkit.conformance;

import java.util.function.Supplier;

/**
 * The outcome of one attempt to start a target: the running target, or what the start threw (an abort when the
 * target is unavailable here, an assertion error when it is required). Remembered, so that an unavailable target
 * costs one attempt and every later use rethrows the same outcome.
 *
 * @param running the started target, or null
 * @param failure what the start threw, or null
 * @param error the assertion error the start threw, or null
 */
record StartedTarget(Target running, RuntimeException failure, AssertionError error) implements AutoCloseable {
  /** Runs {@code start} and keeps its outcome. */
  static StartedTarget attempt(Supplier<Target> start) {
    try {
      return new StartedTarget(start.get(), null, null);
    } catch (RuntimeException e) {
      return new StartedTarget(null, e, null);
    } catch (AssertionError e) {
      return new StartedTarget(null, null, e);
    }
  }

  /** Returns the running target, or rethrows what its start threw. */
  Target target() {
    if (failure != null) {
      throw failure;
    }
    if (error != null) {
      throw error;
    }
    return running;
  }

  /** Stops the target if it started. */
  @Override
  public void close() {
    if (running != null) {
      running.close();
    }
  }
}
