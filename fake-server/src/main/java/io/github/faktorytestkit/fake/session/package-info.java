/**
 * Internal: no compatibility promise. The seam between transport and model: lines in
 * ({@link io.github.faktorytestkit.fake.session.ServerSession}), outcomes out
 * ({@link io.github.faktorytestkit.fake.session.Outcome}); no netty, no Faktory rules.
 */
package io.github.faktorytestkit.fake.session;
