/**
 * Faktory's wire protocol without sockets, shared by the client and the fake server: command lines and
 * {@link io.github.faktorytestkit.protocol.Verb}s, RESP {@link io.github.faktorytestkit.protocol.Reply} frames and
 * their {@link io.github.faktorytestkit.protocol.ReplyReader}, {@link io.github.faktorytestkit.protocol.Job} and its
 * Jackson mapping ({@link io.github.faktorytestkit.protocol.JobJson}), and the HELLO password hash.
 *
 * <p>The JSON here is Jackson's, which is enough for a client. The fake server decodes the same documents as Go
 * does, in its own layer, because it must reproduce the server's errors bit for bit.
 */
package io.github.faktorytestkit.protocol;
