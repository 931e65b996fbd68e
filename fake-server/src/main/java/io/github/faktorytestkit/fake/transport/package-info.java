/** Internal: no compatibility promise. Netty only: sockets, Faktory's framing, outcomes to bytes. */
package io.github.faktorytestkit.fake.transport;
