package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerLogTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Clock clock = Clock.fixed(Instant.parse("2026-02-19T12:00:00.5Z"), ZoneOffset.UTC);

  @Test
  void linesCarryLevelLetterAndUtcMillisecondTime() {
    new ServerLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), "info", clock).info("hello");

    assertThat(text()).isEqualTo("I 2026-02-19T12:00:00.500Z hello" + System.lineSeparator());
  }

  @Test
  void warnLevelHidesInfoButNotErrors() {
    ServerLog log = new ServerLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), "warn", clock);
    log.info("hidden");
    log.error("shown");

    assertThat(text()).isEqualTo("E 2026-02-19T12:00:00.500Z shown" + System.lineSeparator());
  }

  @Test
  void timeStampsPadEachFieldAndKeepMillisecondsOnly() {
    assertThat(ServerLog.timestamp(Instant.parse("0987-03-04T05:06:07.008999Z"))).isEqualTo("0987-03-04T05:06:07.008Z");
    assertThat(ServerLog.timestamp(Instant.parse("2028-02-29T23:59:59.999999999Z")))
        .isEqualTo("2028-02-29T23:59:59.999Z");
    assertThat(ServerLog.timestamp(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2027-01-01T00:00:00.000Z");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
