package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import java.util.Objects;

/**
 * Answers commands in the model's place: per received command, decides whether the fake answers it itself (the
 * model never sees it) or lets it through to any planned {@link Fault} and the model. Install one with
 * {@link FakeFaktory#intercept(Interceptor)}.
 *
 * <pre>{@code
 * server.intercept(Interceptor.on("PUSH",
 *     command -> Interceptor.Decision.reply(Reply.error("NOTUNIQUE", "Job not unique"))));
 * }</pre>
 *
 * <p>Runs before faults and the model. It is called on a network thread, one command at a time per connection but
 * concurrently across connections: it must be thread-safe and must not block.
 */
@FunctionalInterface
public interface Interceptor {

  /** The interceptor that lets every command through to the model. */
  Interceptor PROCEED = command -> Decision.proceed();

  /** Returns what to do with {@code command}; never null. An exception closes the connection. */
  Decision intercept(ReceivedCommand command);

  /**
   * Returns an interceptor that lets {@code interceptor} decide for the commands with {@code verb} (such as
   * {@code "PUSH"}) and lets every other command through:
   * {@code server.intercept(Interceptor.on("PUSH", command -> Decision.reply(Reply.error("NOTUNIQUE", "..."))))}.
   *
   * @throws IllegalArgumentException when {@code verb} is not a Faktory verb spelled as the server matches it (upper
   *     case); the message lists the valid ones
   */
  static Interceptor on(String verb, Interceptor interceptor) {
    String known = KnownVerbs.require(verb);
    Objects.requireNonNull(interceptor, "interceptor");
    return command -> command.verb().equals(known) ? interceptor.intercept(command) : Decision.proceed();
  }

  /** What an interceptor decided for one command: let the model handle it, or answer in the model's place. */
  final class Decision {
    private static final Decision PROCEED = new Decision(null);

    private final Outcome answer;

    private Decision(Outcome answer) {
      this.answer = answer;
    }

    /** Returns the decision to let the model (and any fault) handle the command. */
    public static Decision proceed() {
      return PROCEED;
    }

    /** Returns the decision to send {@code reply} without consulting the model; the connection stays open. */
    public static Decision reply(Reply reply) {
      return new Decision(Outcome.send(Objects.requireNonNull(reply, "reply")));
    }

    /** Returns the decision to close the connection without a reply; the model never sees the command. */
    public static Decision close() {
      return new Decision(Outcome.close());
    }

    /**
     * Returns the decision to send {@code bytes} (not necessarily a well-formed reply) without consulting the
     * model; the connection stays open.
     */
    public static Decision sendRaw(byte[] bytes) {
      return new Decision(new Outcome.SendRaw(bytes));
    }

    /** Returns the answer in the model's place, or null to proceed. */
    Outcome answer() {
      return answer;
    }

    @Override
    public String toString() {
      return "Decision[" + (answer == null ? "proceed" : answer) + "]";
    }
  }
}
