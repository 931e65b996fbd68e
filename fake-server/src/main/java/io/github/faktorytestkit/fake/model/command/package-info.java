/** Internal: no compatibility promise. Lines in, outcomes out: the handshake, the verb table, one handler per verb. */
package io.github.faktorytestkit.fake.model.command;
