package io.github.faktorytestkit.fake.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that feed bytes into embedded channels and collect what comes out. */
final class Wire {
  private Wire() {}

  /** Returns a channel holding the framer, as a connection's pipeline starts. */
  static EmbeddedChannel framingChannel(int maxLineLength) {
    EmbeddedChannel channel = new EmbeddedChannel();
    Pipelines.configure(channel.pipeline(), maxLineLength, null, connection -> null, 0);
    channel.pipeline().remove("session");
    return channel;
  }

  /** Writes {@code bytes} inbound in chunks of the given sizes (cycled), then returns what was decoded. */
  static List<Object> feed(EmbeddedChannel channel, byte[] bytes, List<Integer> chunkSizes) {
    int offset = 0;
    for (int i = 0; offset < bytes.length; i++) {
      int size = Math.min(chunkSizes.get(i % chunkSizes.size()), bytes.length - offset);
      channel.writeInbound(Unpooled.copiedBuffer(bytes, offset, size));
      offset += size;
    }
    return decoded(channel);
  }

  /** Returns what the channel wrote so far, in hex, releasing it. */
  static String writtenHex(EmbeddedChannel channel) {
    StringBuilder hex = new StringBuilder();
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      hex.append(ByteBufUtil.hexDump((ByteBuf) out));
      ((ByteBuf) out).release();
    }
    return hex.toString();
  }

  /** Returns the inbound messages read so far. */
  static List<Object> decoded(EmbeddedChannel channel) {
    List<Object> out = new ArrayList<>();
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      out.add(message);
    }
    return out;
  }

  /** Returns and releases every outbound buffer, concatenated. */
  static byte[] outbound(EmbeddedChannel channel) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
      out.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }
    return out.toByteArray();
  }

  /** Returns the UTF-8 bytes of {@code text}. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
