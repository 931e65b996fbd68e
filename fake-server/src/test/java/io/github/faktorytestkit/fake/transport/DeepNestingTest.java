package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go accepts JSON nested 10000 levels deep; the model's recursive decoding must not overflow an event loop. */
@Timeout(20)
class DeepNestingTest {

  @Test
  void jobNestedToGosLimitIsStoredAndFetchedOverTcp() {
    String args = "[".repeat(9_999) + "]".repeat(9_999);
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient client = FaktoryClient.connect(faktory.url().toString())) {
      assertThat(client.exchange("PUSH {\"jid\":\"deep-job-1\",\"jobtype\":\"T\",\"args\":" + args + "}"))
          .isEqualTo(Reply.OK);
      assertThat(client.exchange("PUSH {\"jid\":\"deep-job-2\",\"jobtype\":\"T\",\"args\":[" + args + "]}"))
          .isEqualTo(Reply.err("invalid JSON: invalid character '[' exceeded max depth"));

      Reply fetched = client.exchange("FETCH default");

      assertThat(fetched).isInstanceOfSatisfying(Reply.BulkString.class,
          job -> assertThat(job.text()).contains("\"args\":" + args));
    }
  }
}
