/**
 * Faktory Testkit's client and protocol layer: {@code io.github.faktorytestkit.client} (a blocking client) and
 * {@code io.github.faktorytestkit.protocol} (the wire format without sockets) and
 * {@code io.github.faktorytestkit.worker} (a worker that runs jobs). {@code client.internal} is not
 * exported. Jackson and SLF4J are required transitively: {@code JobJson} hands out Jackson types, the builder takes an
 * SLF4J {@code Logger}.
 */
module io.github.faktorytestkit.client {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.slf4j;

  exports io.github.faktorytestkit.client;
  exports io.github.faktorytestkit.protocol;
  exports io.github.faktorytestkit.worker;

  // Jackson builds a Job through its package-private @JsonCreator factory.
  opens io.github.faktorytestkit.protocol to com.fasterxml.jackson.databind;
}
