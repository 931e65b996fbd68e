/**
 * Internal: no compatibility promise. Sockets, Faktory's framing, outcomes to bytes; the only package that knows
 * Netty. Listening sockets are bound with the JDK; the first connections of a cold JVM are served on JDK sockets
 * while Netty warms up ({@code ColdStart}), all later ones by Netty; in the standalone jar every plain connection is
 * served on JDK sockets, and only TLS by Netty.
 */
package io.github.faktorytestkit.fake.transport;
