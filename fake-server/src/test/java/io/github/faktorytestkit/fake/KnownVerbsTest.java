package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryCommandException;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults and interceptors name Faktory's verbs as the server matches them, or are refused at once. */
@Timeout(10)
class KnownVerbsTest {

  @Test
  void aLowerCaseVerbIsRefusedWithTheValidOnesAndTheLikelyOne() {
    assertThatThrownBy(() -> Fault.closeAfterReply("fetch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("verb: \"fetch\" is not a Faktory verb (expected one of HELLO, END, PUSH, PUSHB, FETCH, ACK, FAIL, "
            + "BEAT, INFO, FLUSH, MUTATE, QUEUE, BATCH, TRACK, in upper case as the server matches them; did you "
            + "mean \"FETCH\"?)");
  }

  @Test
  void anUnknownVerbIsRefusedForEveryFaultAndInterceptor() {
    assertThatThrownBy(() -> Fault.garbage("FECTH")).hasMessageStartingWith("verb: \"FECTH\" is not a Faktory verb")
        .hasMessageNotContaining("did you mean");
    assertThatThrownBy(() -> Fault.delayReply("ack", Duration.ZERO)).hasMessageEndingWith("\"ACK\"?)");
    assertThatThrownBy(() -> Interceptor.on("push", command -> Interceptor.Decision.proceed()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("did you mean \"PUSH\"?)");
  }

  @Test
  void anInterceptorOnAVerbAnswersOnlyThatVerb() {
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient client = FaktoryClient.connect(faktory.url().toString())) {
      faktory.intercept(Interceptor.on("PUSH",
          command -> Interceptor.Decision.reply(Reply.error("NOTUNIQUE", "Job not unique"))));

      assertThatThrownBy(() -> client.push(Job.of("A"))).isInstanceOf(FaktoryCommandException.class)
          .hasMessageContaining("NOTUNIQUE");
      assertThat(client.info()).isNotNull();
      assertThat(faktory.state().queueSize("default")).isZero();
    }
  }
}
