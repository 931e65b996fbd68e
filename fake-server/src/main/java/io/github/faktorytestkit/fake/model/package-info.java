/**
 * The model of a Faktory 1.9.4 server, without sockets: {@link io.github.faktorytestkit.fake.state.FaktoryModel}
 * (sessions per connection, commands, timers on a {@link io.github.faktorytestkit.fake.state.FaktoryClock}),
 * {@link io.github.faktorytestkit.fake.state.ServerState} for tests, the clocks, and
 * {@link io.github.faktorytestkit.fake.state.ErrorTexts}. Deliberate differences from the real server are listed in
 * fake-server/KNOWN-DIFFERENCES.md.
 */
package io.github.faktorytestkit.fake.model;
