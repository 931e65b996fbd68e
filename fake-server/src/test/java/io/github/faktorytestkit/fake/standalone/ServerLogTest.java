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

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
