package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** The scenario of the PHP client blog post this project grew from, against the fake and every real target. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlogScenarioIT {

  @AcrossTargets
  void pushedJobIsFetchedWithQueueRetryAndTimestampsAdded(FaktoryClient client) {
    Job pushed = Job.builder("SomeJobClass").jid("123861239abnadsa").args(1, 2, true, "hello").build();
    client.push(pushed);

    Job fetched = client.fetch("default").orElseThrow();

    assertThat(fetched.queue()).isEqualTo("default");
    assertThat(fetched.retry()).isEqualTo(25);
    assertThat(fetched.createdAt()).isNotEmpty();
    assertThat(fetched.enqueuedAt()).isNotEmpty();
    assertThat(fetched.toBuilder().createdAt(null).enqueuedAt(null).build())
        .isEqualTo(pushed.toBuilder().retry(25).build());
    client.ack(fetched.jid());
  }

  @AcrossTargets
  void theBlogsRawJsonGetsTheSameFields(FaktoryClient client) {
    String json = "{\"jid\":\"123861239abnadsa\",\"jobtype\":\"SomeJobClass\",\"args\":[1,2,true,\"hello\"]}";
    assertThat(client.exchange("PUSH " + json)).isEqualTo(Reply.OK);

    Job fetched = client.fetch("default").orElseThrow();

    assertThat(fetched.jid()).isEqualTo("123861239abnadsa");
    assertThat(fetched.jobtype()).isEqualTo("SomeJobClass");
    assertThat(fetched.args()).containsExactly(1, 2, true, "hello");
    assertThat(fetched.queue()).isEqualTo("default");
    assertThat(fetched.retry()).isEqualTo(25);
    assertThat(fetched.createdAt()).isNotEmpty();
    assertThat(fetched.enqueuedAt()).isNotEmpty();
  }
}
