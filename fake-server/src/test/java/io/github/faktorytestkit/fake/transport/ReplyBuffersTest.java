package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReplyBuffersTest {

  @Property(tries = 500)
  void writesExactlyTheReplysWireForm(@ForAll("replies") Reply reply) {
    ByteBuf buffer = ReplyBuffers.toBuffer(UnpooledByteBufAllocator.DEFAULT, reply);

    assertThat(ByteBufUtil.getBytes(buffer)).isEqualTo(reply.toWire());
    buffer.release();
  }

  /** The early path's bytes: the frame written into an array after earlier bytes, which it leaves as they were. */
  @Property(tries = 500)
  void frameWrittenAfterEarlierBytesIsTheReplysWireForm(@ForAll("replies") Reply reply) {
    ReplyFrame frame = ReplyFrame.of(reply);
    byte[] bytes = new byte[3 + frame.length() + 2];
    bytes[0] = 'a';
    bytes[1] = 'b';
    bytes[2] = 'c';

    int end = frame.writeTo(bytes, 3);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(Wire.utf8("abc"));
    expected.writeBytes(reply.toWire());
    expected.writeBytes(new byte[2]);
    assertThat(bytes).isEqualTo(expected.toByteArray());
    assertThat(end).isEqualTo(3 + frame.length());
  }

  @Test
  void writesAnEscapedByteOfAnEchoedLineAsTheByteItself() {
    byte[] line = {'X', (byte) 0xff};
    Reply echo = new Reply.ErrorReply("ERR Unknown command " + GoUtf8.decode(line, 0, line.length));
    ByteBuf buffer = ReplyBuffers.toBuffer(UnpooledByteBufAllocator.DEFAULT, echo);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(Wire.utf8("-ERR Unknown command "));
    expected.writeBytes(line);
    expected.writeBytes(Wire.utf8("\r\n"));
    assertThat(ByteBufUtil.getBytes(buffer)).isEqualTo(expected.toByteArray());
    buffer.release();
  }

  @Provide
  Arbitrary<Reply> replies() {
    Arbitrary<String> line = Arbitraries.strings().all().filter(text -> text.indexOf('\r') < 0 && text.indexOf('\n') < 0
        && !hasLoneSurrogate(text));
    Arbitrary<String> any = Arbitraries.strings().all().filter(text -> !hasLoneSurrogate(text));
    return Arbitraries.oneOf(
        line.map(Reply::simple),
        line.map(text -> new Reply.ErrorReply(text)),
        any.map(Reply::bulk),
        Arbitraries.longs().map(Reply.IntegerReply::new),
        Arbitraries.just(Reply.NULL_BULK));
  }

  /** Lone surrogates have no UTF-8 form; GoUtf8 and Reply#toWire replace them, each in its own way. */
  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
