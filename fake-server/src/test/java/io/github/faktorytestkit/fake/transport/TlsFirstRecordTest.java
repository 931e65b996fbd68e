package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link GoFirstRecord} on its own; TlsIT (conformance-tests) checks the same bytes against real Faktory. */
class TlsFirstRecordTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "802e0103010015000000100000030000060000040000050000070000080000090000, 15030100020246",
      "1603014801, 15030100020216",
      "1603010000, 1503010002020a",
      "150301000102, 1503010002020a",
      "16100000050100000100, ''",
      "170301000568656c6c6f, ''",
      "15030100020228, ''"})
  void malformedFirstRecordGetsGosBytesThenTheClose(String record, String reply) {
    EmbeddedChannel channel = new EmbeddedChannel(new GoFirstRecord());

    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(record)));

    assertThat(written(channel)).isEqualTo(reply);
    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"16030000020100, 16030100020100", "1503010002015a16020000020100, 16030100020100"})
  void firstHandshakeRecordGoesOnAsTls10AndTheGateLeaves(String bytes, String passedOn) {
    EmbeddedChannel channel = new EmbeddedChannel(new GoFirstRecord());

    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(bytes)));

    ByteBuf in = channel.readInbound();
    assertThat(ByteBufUtil.hexDump(in)).isEqualTo(passedOn);
    in.release();
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.pipeline().get(GoFirstRecord.class)).isNull();
  }

  private static String written(EmbeddedChannel channel) {
    StringBuilder hex = new StringBuilder();
    for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      hex.append(ByteBufUtil.hexDump(out));
      out.release();
    }
    return hex.toString();
  }
}
