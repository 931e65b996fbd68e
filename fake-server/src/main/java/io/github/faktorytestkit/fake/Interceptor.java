package io.github.faktorytestkit.fake;

/**
 * Decides, per received command, whether the fake answers it itself or lets the model handle it. Install one with
 * {@link FakeFaktory#intercept(Interceptor)}.
 *
 * <pre>{@code
 * server.intercept(command -> command.verb().equals("PUSH")
 *     ? InterceptorDecision.reply(Reply.error("NOTUNIQUE", "Job not unique"))
 *     : InterceptorDecision.proceed());
 * }</pre>
 *
 * <p>Runs before faults and the model. It is called on a network thread, one command at a time per connection but
 * concurrently across connections: it must be thread-safe and must not block.
 */
@FunctionalInterface
public interface Interceptor {

  /** The interceptor that lets every command through to the model. */
  Interceptor PROCEED = command -> InterceptorDecision.proceed();

  /** Returns what to do with {@code command}; never null. An exception closes the connection. */
  InterceptorDecision intercept(ReceivedCommand command);
}
