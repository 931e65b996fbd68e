/**
 * The fake Faktory server a test imports: {@link io.github.faktorytestkit.fake.FakeFaktory} (start, clock, journal,
 * interceptor, faults), {@link io.github.faktorytestkit.fake.ServerState} (seed and inspect), and the values they
 * hand out. A line from a client goes transport → {@code CommandHooks.handle} (journal, interceptor, fault) →
 * {@code model.command.ModelSession} → the verb's handler in {@code model.command.CommandTable}; its
 * {@code Outcome} goes back the same way to the socket. The other packages are internal: no compatibility promise.
 */
package io.github.faktorytestkit.fake;
