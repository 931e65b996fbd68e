package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryConnectionException;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.Fault;
import io.github.faktorytestkit.junit.FakeFaktoryTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@FakeFaktoryTest
class OrderServiceTest {

  @Test
  void placingAnOrderQueuesTheMailAndSchedulesTheReview(FakeFaktory faktory, FaktoryClient client) {
    Instant nextWeek = faktory.now().plus(Duration.ofDays(7));

    new OrderService(client).placeOrder("o-1", "ann@example.com", nextWeek);

    assertThat(faktory.state().jobs("mail")).singleElement()
        .satisfies(job -> assertThat(job.args()).containsExactly("o-1", "ann@example.com"));
    assertThat(faktory.state().scheduled()).singleElement()
        .satisfies(entry -> assertThat(entry.at()).isEqualTo(nextWeek));
  }

  @Test
  void theReviewRequestIsQueuedWhenItsTimeComes(FakeFaktory faktory, FaktoryClient client) {
    new OrderService(client).placeOrder("o-2", "bob@example.com", faktory.now().plus(Duration.ofDays(7)));

    faktory.advance(Duration.ofDays(7));

    assertThat(faktory.state().scheduled()).isEmpty();
    assertThat(faktory.state().jobs("mail")).extracting(job -> job.jobtype())
        .containsExactly("SendConfirmation", "AskForReview");
  }

  @Test
  void aLostConnectionReachesTheCaller(FakeFaktory faktory, FaktoryClient client) {
    faktory.inject(Fault.closeInsteadOfReply("PUSH"));

    assertThatThrownBy(() -> new OrderService(client).placeOrder("o-3", "cy@example.com", faktory.now()))
        .isInstanceOf(FaktoryConnectionException.class);
    assertThat(faktory.state().jobs("mail")).hasSize(1); // the server took the push; its reply was lost
  }
}
