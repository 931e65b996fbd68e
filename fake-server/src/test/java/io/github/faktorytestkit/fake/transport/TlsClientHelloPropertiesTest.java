package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link GoClientHello} on client hellos with a byte changed: the outcome does not depend on how TCP splits them. */
class TlsClientHelloPropertiesTest {
  private static final byte[] HELLO = HexFormat.of().parseHex(record(JdkClientHello.message("TLSv1.3",
      "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256")));

  @Property(tries = 100)
  void outcomeOfAChangedHelloIsIndependentOfTheSplit(
      @ForAll @IntRange(min = 0, max = 10_000) int offset,
      @ForAll byte value,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    byte[] hello = Arrays.copyOf(HELLO, HELLO.length);
    hello[offset % hello.length] = value;

    assertThat(outcome(hello, chunks)).isEqualTo(outcome(hello, List.of(hello.length)));
  }

  /** The alert written and the close, or that TLS started, or that the gate still waits for bytes. */
  private static String outcome(byte[] hello, List<Integer> chunks) {
    EmbeddedChannel channel = new EmbeddedChannel(new GoClientHello(TestKeys.ec()), new HeldWrites());
    try {
      return outcome(channel, hello, chunks);
    } finally {
      // what the TLS protocol wrote, and its buffers, released (a leak otherwise)
      channel.releaseOutbound();
      channel.releaseInbound();
      channel.close();
    }
  }

  private static String outcome(EmbeddedChannel channel, byte[] hello, List<Integer> chunks) {
    int start = 0;
    for (int i = 0; start < hello.length && channel.isOpen(); i++) {
      int length = Math.min(hello.length - start, chunks.get(i % chunks.size()));
      channel.writeInbound(Unpooled.wrappedBuffer(hello, start, length));
      start += length;
    }
    if (channel.pipeline().get(TlsProtocolHandler.class) != null) {
      return "TLS started";
    }
    ByteBuf alert = channel.readOutbound();
    String written = alert == null ? "" : ByteBufUtil.hexDump(alert);
    if (alert != null) {
      alert.release();
    }
    return written + (channel.isOpen() ? " waiting" : " closed");
  }

  private static String record(String message) {
    return "160301" + String.format("%04x", message.length() / 2) + message;
  }
}
