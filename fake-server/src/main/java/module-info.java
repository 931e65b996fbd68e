/**
 * The fake Faktory server: the test API ({@code fake}), replay of recordings ({@code replay}, taking the
 * {@code transcript} values), the JUnit 5 extensions ({@code junit}) and the standalone main ({@code fake.standalone},
 * opened to picocli). Everything else is internal and not exported.
 */
module io.github.faktorytestkit.fake {
  requires transitive io.github.faktorytestkit.client;
  requires com.fasterxml.jackson.databind;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.codec.redis;
  requires io.netty.common;
  requires io.netty.handler;
  requires io.netty.transport;
  requires jdk.httpserver;
  requires org.slf4j;
  requires info.picocli;
  requires static org.junit.jupiter.api;

  exports io.github.faktorytestkit.fake;
  exports io.github.faktorytestkit.junit;
  exports io.github.faktorytestkit.replay;
  exports io.github.faktorytestkit.transcript;
  exports io.github.faktorytestkit.fake.standalone;
  opens io.github.faktorytestkit.fake.standalone to info.picocli;
}
