/**
 * The fake Faktory server: the test API ({@code fake}), the JUnit 5 extensions ({@code junit}), the recording proxy
 * ({@code recorder}), replay of recordings ({@code replay}), the transcript format ({@code transcript}) and the
 * standalone main ({@code fake.standalone}). Everything else is internal and not exported.
 */
module io.github.faktorytestkit.fake {
  requires transitive io.github.faktorytestkit.client;
  requires com.fasterxml.jackson.databind;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.common;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  requires io.netty.transport.unix.common;
  requires java.logging;
  requires jdk.httpserver;
  requires jdk.management;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.tls;
  requires org.slf4j;
  requires static org.junit.jupiter.api;

  exports io.github.faktorytestkit.fake;
  exports io.github.faktorytestkit.junit;
  exports io.github.faktorytestkit.fake.standalone;
  exports io.github.faktorytestkit.recorder;
  exports io.github.faktorytestkit.replay;
  exports io.github.faktorytestkit.transcript;
}
