package io.github.faktorytestkit.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.RawClient;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.transcript.FrameShape;
import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import io.github.faktorytestkit.transcript.TranscriptReader;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy in front of the in-process fake: what goes through is what the transcript says, byte for byte. */
class RecordingProxyTest {

  @Test
  void aClientSessionThroughTheProxyIsRecordedAndWrittenOnClose(@TempDir Path folder) {
    Path file = folder.resolve("session.txt");
    try (FakeFaktory fake = FakeFaktory.start();
        RecordingProxy proxy = RecordingProxy.builder().upstream(fake.url().toString()).server("fake")
            .scenario("push fetch ack").output(file).start()) {
      try (FaktoryClient client = FaktoryClient.connect(proxy.url().toString())) {
        client.push(Job.builder("T").jid("jid-recorded-1").queue("q").build());
        Job fetched = client.fetch("q").orElseThrow();
        client.ack(fetched.jid());
      }
    }

    Transcript transcript = TranscriptReader.read(file);
    assertThat(transcript.header().scenario()).contains("push fetch ack");
    assertThat(transcript.connections()).containsExactly("c1");
    assertThat(lines(transcript)).startsWith("< +HI {\"v\":2}")
        .contains("> FETCH q\\r\\n", "> ACK {\"jid\":\"{{jid:1}}\"}\\r\\n", "> END\\r\\n");
    assertThat(TranscriptWriter.toText(transcript)).contains("\"jid\":\"{{jid:1=jid-recorded-1}}\"");
    assertThat(transcript.events()).filteredOn(TranscriptEvent.Close.class::isInstance)
        .extracting(event -> ((TranscriptEvent.Close) event).side()).containsExactlyInAnyOrder(Side.SERVER, Side.CLIENT);
    TranscriptEvent.Frame job = transcript.frames().get(transcript.frames().size() - 4);
    assertThat(job.shape()).isEqualTo(FrameShape.BULK);
    assertThat(new String(job.body().bytes(), StandardCharsets.UTF_8)).contains("\"jid\":\"jid-recorded-1\"");
  }

  @Test
  void pipelinedLinesAreSeparateFramesInTheOrderSent() {
    try (FakeFaktory fake = FakeFaktory.start();
        RecordingProxy proxy = RecordingProxy.builder().upstream(fake.url().toString()).start();
        RawClient raw = RawClient.connect(proxy.port())) {
      raw.readFrame();
      raw.sendRaw("HELLO {\"v\":2}\r\nFLUSH\nCMD x\r\n".getBytes(StandardCharsets.UTF_8));
      raw.readFrame();
      raw.readFrame();
      raw.readFrame();
      raw.close();
      proxy.close();

      assertThat(lines(proxy.transcript())).containsExactly("< +HI {\"v\":2}", "> HELLO {\"v\":2}\\r\\n",
          "> FLUSH\\n", "> CMD x\\r\\n", "< +OK", "< +OK", "< -ERR unknown command CMD");
    }
  }

  @Test
  void aPasswordHandshakeGoesThroughWithTheUpstreamsCredentials() {
    try (FakeFaktory fake = FakeFaktory.builder().password("s3cret").start();
        RecordingProxy proxy = RecordingProxy.builder()
            .upstream("tcp://:s3cret@127.0.0.1:" + fake.port()).start()) {
      assertThat(proxy.url().toString()).isEqualTo("tcp://:s3cret@127.0.0.1:" + proxy.port());
      try (FaktoryClient client = FaktoryClient.connect(proxy.url().toString())) {
        client.flush();
      }
      proxy.close();

      String text = TranscriptWriter.toText(proxy.transcript());
      assertThat(text).contains("\"i\":{{iter:1=", "\"s\":\"{{salt:1=", "\"pwdhash\":\"{{pwdhash:1=");
      assertThat(text).doesNotContain("s3cret");
    }
  }

  @Test
  void anUnreachableUpstreamClosesTheClientAndRecordsNothing() throws Exception {
    int freePort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    try (RecordingProxy proxy = RecordingProxy.builder().upstream("tcp://127.0.0.1:" + freePort).start();
        RawClient raw = RawClient.connect(proxy.port())) {
      assertThatThrownBy(raw::readFrame).hasMessageContaining("closed");
      proxy.close();
      assertThat(proxy.transcript().events()).isEmpty();
    }
  }

  @Test
  void aProxyWithoutUpstreamIsRefused() {
    assertThatThrownBy(() -> RecordingProxy.builder().start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("upstream: not set");
  }

  private static List<String> lines(Transcript transcript) {
    return transcript.frames().stream()
        .map(frame -> TranscriptWriter.line(frame).replaceFirst("^\\d+\\.\\d{3} c\\d+ ", "")).toList();
  }
}
