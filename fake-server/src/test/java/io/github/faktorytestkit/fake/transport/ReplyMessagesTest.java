package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.redis.RedisEncoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReplyMessagesTest {

  @Property(tries = 500)
  void redisEncoderWritesExactlyTheReplysWireForm(@ForAll("replies") Reply reply) {
    EmbeddedChannel channel = new EmbeddedChannel(new RedisEncoder());
    channel.writeOutbound(ReplyMessages.toMessage(reply));

    assertThat(Wire.outbound(channel)).isEqualTo(reply.toWire());
    assertThat(channel.finish()).isFalse();
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

  /** Lone surrogates have no UTF-8 form; both encoders would replace them, each in its own way. */
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
