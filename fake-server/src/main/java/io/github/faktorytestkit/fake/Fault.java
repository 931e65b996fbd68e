package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.protocol.Escaping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A misbehaviour of the connection, as data: the model handles the command, then what goes wrong ({@link Effect})
 * for which verb, and for how many of the matching commands. Inject it with {@link FakeFaktory#inject(Fault)}:
 *
 * <pre>{@code
 * server.inject(Fault.closeAfterReply("FETCH"));                                   // next FETCH only
 * server.inject(Fault.garbage("PUSH").repeated(3));                                // next three PUSHes
 * server.inject(Fault.delayReply("ACK", Duration.ofSeconds(5)).always());          // every ACK, on the fake clock
 * }</pre>
 *
 * <p>To answer instead of the model (an error the model would not send), use an {@link Interceptor}. The verb is one
 * of Faktory's ({@link io.github.faktorytestkit.protocol.Verb}), spelled as the server matches it: upper case; any
 * other spelling, such as {@code "fetch"}, is refused with the list of valid verbs, since it could never match.
 * Immutable.
 *
 * @param verb the verb of the commands this fault hits, such as {@code "FETCH"}
 * @param effect what happens to them
 * @param times how many matching commands it hits, counted from injection; {@link #ALWAYS} for all of them
 */
public record Fault(String verb, Effect effect, int times) {

  /** The {@link #times()} of a fault that never wears off. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  /**
   * Creates the fault; {@code times} must be positive.
   *
   * @throws IllegalArgumentException when {@code verb} is not a Faktory verb in upper case, or {@code times < 1}
   */
  public Fault {
    KnownVerbs.require(verb);
    Objects.requireNonNull(effect, "effect");
    if (times < 1) {
      throw new IllegalArgumentException("times: " + times + " (expected: >= 1)");
    }
  }

  /**
   * Returns a one-shot fault: the model handles the next {@code verb}, its reply is sent, then the connection
   * closes.
   */
  public static Fault closeAfterReply(String verb) {
    return new Fault(verb, new Effect.CloseAfterReply(), 1);
  }

  /**
   * Returns a one-shot fault: the model handles the next {@code verb} (its state changes) but the connection closes
   * instead of replying, so the client cannot tell whether the command took effect.
   */
  public static Fault closeInsteadOfReply(String verb) {
    return new Fault(verb, new Effect.CloseInsteadOfReply(), 1);
  }

  /**
   * Returns a one-shot fault: the model handles the next {@code verb} at once, but its reply leaves only after
   * {@code delay} on the fake's clock (a test advances it; the standalone server waits in real time).
   */
  public static Fault delayReply(String verb, Duration delay) {
    return new Fault(verb, new Effect.DelayReply(delay), 1);
  }

  /**
   * Returns a one-shot fault: the model handles the next {@code verb}, and {@code bytes} are sent instead of its
   * reply.
   */
  public static Fault garbage(String verb, byte[] bytes) {
    return new Fault(verb, new Effect.SendGarbage(bytes), 1);
  }

  /** Returns {@link #garbage(String, byte[])} with bytes no Faktory client can parse: {@code ?garbage\x00\r\n}. */
  public static Fault garbage(String verb) {
    return garbage(verb, "?garbage\0\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns this fault hitting the next {@code times} matching commands. */
  public Fault repeated(int times) {
    return new Fault(verb, effect, times);
  }

  /** Returns this fault hitting every matching command until it is cleared. */
  public Fault always() {
    return repeated(ALWAYS);
  }

  /** What a fault does to the command it hits, after the model handled it. */
  public sealed interface Effect {

    /** The model's reply is sent, then the connection closes. A reply-less outcome is left as it is. */
    record CloseAfterReply() implements Effect {}

    /** The model handles the command, then the connection closes without its reply. */
    record CloseInsteadOfReply() implements Effect {}

    /**
     * The model's outcome is carried out after {@code delay} on the fake's clock.
     *
     * @param delay how long the reply is held; not negative
     */
    record DelayReply(Duration delay) implements Effect {
      /** Creates the effect. */
      public DelayReply {
        if (delay.isNegative()) {
          throw new IllegalArgumentException("delay: " + delay + " (expected: >= 0)");
        }
      }
    }

    /**
     * The model handles the command and {@code bytes} are sent instead of its reply; the connection stays open.
     *
     * @param bytes the raw bytes to send
     */
    record SendGarbage(byte[] bytes) implements Effect {
      /** Creates the effect; the array is copied. */
      public SendGarbage {
        bytes = bytes.clone();
      }

      @Override
      public byte[] bytes() {
        return bytes.clone();
      }

      @Override
      public boolean equals(Object other) {
        return other instanceof SendGarbage garbage && Arrays.equals(bytes, garbage.bytes);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(bytes);
      }

      @Override
      public String toString() {
        return "SendGarbage[" + Escaping.escape(bytes) + "]";
      }
    }
  }
}
