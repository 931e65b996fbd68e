package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import java.net.URI;
import javax.net.ssl.SSLContext;

/** The smoke check every real target must pass: HI, HELLO, PUSH a job, FETCH it back, ACK it. */
final class SmokeScenario {
  private SmokeScenario() {}

  /** Runs the scenario against the server at {@code url}; {@code tls} null means plain TCP. */
  static void pushThenFetch(URI url, String password, SSLContext tls) throws Exception {
    Job job = Job.builder("SmokeJob").queue("smoke").args(1, "two").build();
    try (RawSession session = RawSession.connect(url, tls)) {
      String hi = session.reply();
      assertThat(hi).startsWith("+HI {").contains("\"v\":2");
      assertThat(hi.contains("\"s\":")).as("HI asks for a password hash").isEqualTo(password != null);
      assertThat(session.handshake(hi, password)).isEqualTo("+OK");
      assertThat(session.command("PUSH " + JobJson.toJson(job))).isEqualTo("+OK");
      Job fetched = JobJson.parse(session.command("FETCH smoke"));
      assertThat(fetched.jid()).isEqualTo(job.jid());
      assertThat(fetched.jobtype()).isEqualTo("SmokeJob");
      assertThat(fetched.args()).containsExactly(1, "two");
      assertThat(session.command("ACK {\"jid\":\"" + job.jid() + "\"}")).isEqualTo("+OK");
      session.send("END");
    }
  }
}
