/**
 * Internal: no compatibility promise. The Faktory 1.9.4 domain without sockets or replies: queues, reservations,
 * workers, timed sets and FETCH waits around {@link io.github.faktorytestkit.fake.model.ModelCore}, the error texts
 * ({@link io.github.faktorytestkit.fake.model.ErrorTexts}) and the Go mirrors of Faktory's structs ({@code GoJob},
 * {@code GoFailure}: Go-exact JSON, unlike the client's Jackson {@code Job}). Deliberate differences from the real
 * server are listed in fake-server/KNOWN-DIFFERENCES.md.
 */
package io.github.faktorytestkit.fake.model;
