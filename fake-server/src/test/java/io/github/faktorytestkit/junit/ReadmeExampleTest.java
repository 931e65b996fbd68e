package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit example, kept compiling and passing; keep the two in step. */
@Timeout(20) // a FETCH stalled on the fake's clock would hit the client's 10 s read timeout first
class ReadmeExampleTest {

  @RegisterExtension
  static FakeFaktoryExtension faktory = FakeFaktoryExtension.create();   // started once, reset before each test

  @Test
  void enqueuesAWelcomeMail(FakeFaktory server, FaktoryClient worker) {  // also injectable: URI url
    new SignupService(faktory.url()).signUp("ann@example.com");          // tcp://127.0.0.1:PORT
    assertThat(server.takeCommand("PUSH").line()).contains("SendWelcome"); // fails clearly, never null
    assertThat(worker.fetch("default")).hasValueSatisfying(job -> assertThat(job.args()).hasSize(1));
    faktory.advance(Duration.ofMinutes(5));                               // the test now moves the clock
  }

  @Test
  void remindsTomorrow(FaktoryClient client) {
    client.push(Job.builder("Remind").at(faktory.now().plus(Duration.ofDays(1))).build());
    faktory.advanceTo(faktory.now().plus(Duration.ofDays(1)));            // the job falls due
    assertThat(client.fetch("default")).isPresent();
  }

  @Test
  void nothingToDo(FaktoryClient worker) {
    assertThat(worker.fetch("default")).isEmpty();                        // after about 1 s, without an advance
  }

  @Test
  void eachTestStartsFromAnEmptyServer(FakeFaktory server) {
    assertThat(server.state().queueNames()).isEmpty();
    assertThat(server.commands()).isEmpty();
  }

  /** The code under test in the README's example: something that pushes a job. */
  private record SignupService(URI faktoryUrl) {
    void signUp(String email) {
      try (FaktoryClient client = FaktoryClient.connect(faktoryUrl.toString())) {
        client.push(Job.of("SendWelcome", email));
      }
    }
  }
}
