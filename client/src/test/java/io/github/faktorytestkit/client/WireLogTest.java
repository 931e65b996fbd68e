package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WireLogTest {

  @Test
  void logsEveryLineSentAndFrameReceivedWithThePasswordHashRedacted() throws Exception {
    RecordingLogger wire = new RecordingLogger();
    String hi = "+HI {\"v\":2,\"i\":1545,\"s\":\"55104dc76695721d\"}\r\n";
    try (ScriptedServer server = ScriptedServer.start(hi, OK, "$13\r\n{\"default\":0}\r\n")) {
      FaktoryClient client = FaktoryClient.builder().url(server.url()).password("foobar").hostname("box").pid(7)
          .wireLogger(wire.logger()).connect();
      client.queueLatency("default");
      client.close();
    }
    assertThat(wire.messages()).hasSize(8).allMatch(line -> line.startsWith("faktory#"));
    assertThat(wire.messages().stream().map(line -> line.substring(line.indexOf(' ', line.indexOf(':')) + 1)))
        .containsExactly(
            "connected",
            "< +HI {\"v\":2,\"i\":1545,\"s\":\"55104dc76695721d\"}\\r\\n",
            "> HELLO {\"hostname\":\"box\",\"pid\":7,\"labels\":[\"java\"],\"v\":2,\"pwdhash\":\"<redacted>\"}",
            "< +OK\\r\\n",
            "> QUEUE LATENCY default",
            "< $13\\r\\n{\"default\":0}\\r\\n",
            "> END",
            "closed");
    assertThat(String.join("\n", wire.messages())).doesNotContain("6d877f8e55");
  }

  @Test
  void wireLoggerIsOffByDefault() {
    assertThat(LoggerFactory.getLogger(FaktoryClient.WIRE_LOGGER_NAME).isTraceEnabled()).isFalse();
  }
}
