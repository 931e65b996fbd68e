package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Escaping;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * RESP framing against a server: a command stream is written in TCP writes of generated sizes to the group's target
 * and in one write to its counterpart ({@link OnTarget}), and the normalised replies must be equal; replies to a
 * pipelined burst come in order; every frame is exactly as long as it declares; bad lines get the same outcome
 * whatever the split. Every stream ends with END (or, for a truncated last line, with the end of the stream), so
 * the replies are read until the server closes the connection. No stream holds a line that crashes 1.9.4.
 */
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
abstract class FramingProperties extends OnTarget {
  private static final String HELLO = "HELLO {\"v\":2}";
  private static final AtomicLong STREAMS = new AtomicLong();
  private static final Pattern JID = Pattern.compile("\"jid\":\"([^\"]+)\"");

  @Property(tries = 150)
  void anySplitOfACommandStreamGetsTheSameReplies(@ForAll("commands") List<String> commands,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 48) Integer> chunks) {
    byte[] stream = stream(commands, "END");
    assertThat(replies(target(), stream, chunks)).isEqualTo(replies(counterpart(), stream, List.of(stream.length)));
  }

  @Property(tries = 50)
  void pipelinedBurstGetsItsRepliesInOrder(@ForAll @IntRange(min = 2, max = 40) int jobs) {
    List<String> lines = new ArrayList<>();
    List<String> jids = new ArrayList<>();
    for (int n = 0; n < jobs; n++) {
      jids.add(String.format("burst-%07d", STREAMS.incrementAndGet()));
      lines.add("PUSH {\"jid\":\"" + jids.get(n) + "\",\"jobtype\":\"Burst\",\"args\":[" + n + "],\"queue\":\"burst\"}");
    }
    jids.forEach(jid -> lines.add("FETCH burst"));
    byte[] stream = stream(lines, "END");
    List<String> replies = replies(target(), stream, List.of(stream.length));
    List<String> fetched = replies.subList(3 + jobs, 3 + 2 * jobs).stream() // after HI, HELLO, FLUSH and the PUSHes
        .map(FramingProperties::jidIn).toList();
    assertThat(fetched).as("jobs in the order pushed").isEqualTo(jids);
    assertThat(replies).isEqualTo(replies(counterpart(), stream, List.of(stream.length)));
  }

  @Property(tries = 150)
  void everyReplyFrameIsAsLongAsItDeclares(@ForAll("commands") List<String> commands) {
    byte[] stream = stream(commands, "END");
    List<byte[]> frames = new ArrayList<>();
    List<String> replies = replies(target(), stream, List.of(stream.length), frames::add);
    frames.forEach(FrameShape::check);
    assertThat(replies).isEqualTo(replies(counterpart(), stream, List.of(stream.length)));
  }

  @Property(tries = 100)
  void badLinesGetTheSameOutcomeWhateverTheSplit(@ForAll("badLines") byte[] bad,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HELLO + "\r\nFLUSH\r\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(bad);
    boolean truncated = bad[bad.length - 1] != '\n';
    if (!truncated) {
      bytes.writeBytes("INFO\r\nEND\r\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] stream = bytes.toByteArray();
    List<String> whole = replies(target(), stream, List.of(stream.length));
    assertThat(replies(target(), stream, chunks)).as("split in %s", chunks).isEqualTo(whole);
    assertThat(replies(counterpart(), stream, List.of(stream.length))).as("on the counterpart").isEqualTo(whole);
  }

  @Provide
  Arbitrary<List<String>> commands() {
    return RandomCommands.withoutFetch().map(this::filledForStream).list().ofMinSize(1).ofMaxSize(12);
  }

  /**
   * Bad lines: over-long (a 20-200 KiB job or unknown verb), mis-terminated (CR alone, CR inside, bare LF, an empty
   * line, CR CR LF) and truncated (the stream ends inside a line).
   */
  @Provide
  Arbitrary<byte[]> badLines() {
    Arbitrary<String> longJob = Arbitraries.integers().between(20_000, 200_000)
        .map(size -> "PUSH {\"jid\":\"long-job-1\",\"jobtype\":\"L\",\"args\":[\"" + "x".repeat(size) + "\"]}\r\n");
    Arbitrary<String> longVerb = Arbitraries.integers().between(20_000, 200_000).map(size -> "X".repeat(size) + "\r\n");
    Arbitrary<String> misTerminated = Arbitraries.of("INFO\r\r\n", "IN\rFO\r\n", "INFO\n", "\r\n", "\n", "FLUSH \r\n",
        "NOPE\n\r\n", "INFO\r\nINFO\n");
    Arbitrary<String> truncated = Arbitraries.of("INF", "INFO\r", "PUSH {\"jid\":", "END");
    return Arbitraries.oneOf(longJob, longVerb, misTerminated, truncated)
        .map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the normalised frames the server sends for {@code stream} written in {@code chunks}, until it closes. */
  private static List<String> replies(Target server, byte[] stream, List<Integer> chunks) {
    return replies(server, stream, chunks, frame -> { });
  }

  /** Returns the normalised frames, as above, and hands each frame's bytes to {@code frames}. */
  private static List<String> replies(Target server, byte[] stream, List<Integer> chunks, Consumer<byte[]> frames) {
    List<String> lines = sentLines(stream);
    List<String> replies = new ArrayList<>();
    try (RawConnection connection = RawConnection.open(server.url())) {
      replies.add(WireNormaliser.normalise(null, connection.greeting()));
      connection.write(stream, chunks);
      if (stream[stream.length - 1] != '\n') {
        connection.shutdownOutput();
      }
      List<WireAnswer> answers = connection.listenUntilEnd();
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).reply() != null) {
          frames.accept(answers.get(i).wire());
        }
        replies.add(WireNormaliser.normalise(i < lines.size() ? lines.get(i) : "", answers.get(i)));
      }
    }
    return replies;
  }

  private static String jidIn(String reply) {
    Matcher jid = JID.matcher(reply);
    return jid.find() ? jid.group(1) : reply;
  }

  private String filledForStream(String template) {
    String line = template;
    for (int n = 1; n <= SequenceStep.CONNECTIONS; n++) {
      line = line.replace("{j" + n + "}", "frame-job-" + n).replace("{w" + n + "}", "frame-worker-" + n);
    }
    return line;
  }

  private static byte[] stream(List<String> commands, String last) {
    StringBuilder text = new StringBuilder(HELLO + "\r\nFLUSH\r\n");
    commands.forEach(command -> text.append(command).append("\r\n"));
    text.append(last).append("\r\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the lines of {@code stream} as the server reads them, each without its LF, for normalising replies. */
  static List<String> sentLines(byte[] stream) {
    String text = new String(stream, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1);
    return lines.stream().map(line -> Escaping.escape(line)).toList();
  }
}
