package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.RecordedCommand;
import java.util.List;

/** The {@link AcrossTargets} harness itself, on the fake, whose journal shows which connection sent what. */
class AcrossTargetsIT {
  /**
   * The first client a test gets is the connection that flushed the server before it, so that no END of a
   * connection closed just before the test reaches the server during it (Faktory counts END in command_count).
   */
  @AcrossTargets(TargetKind.FAKE)
  void theFirstClientIsTheConnectionThatFlushedTheServer(Target target, FaktoryClient client) {
    client.info();
    List<RecordedCommand> commands = target.fake().orElseThrow().commands();
    assertThat(last("INFO", commands).connectionIndex()).as("the connection of the test's INFO")
        .isEqualTo(last("FLUSH", commands).connectionIndex());
  }

  private static RecordedCommand last(String verb, List<RecordedCommand> commands) {
    return commands.stream().filter(command -> command.verb().equals(verb)).reduce((first, second) -> second)
        .orElseThrow();
  }
}
