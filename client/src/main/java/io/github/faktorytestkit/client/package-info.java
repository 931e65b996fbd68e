/**
 * A minimal blocking Faktory client: {@link io.github.faktorytestkit.client.FaktoryClient} (built by
 * {@link io.github.faktorytestkit.client.FaktoryClientBuilder}, pointed by a
 * {@link io.github.faktorytestkit.client.FaktoryUrl}) and the typed {@link io.github.faktorytestkit.client.FaktoryException}s
 * it throws. The wire format itself lives in {@code io.github.faktorytestkit.protocol}.
 */
package io.github.faktorytestkit.client;
