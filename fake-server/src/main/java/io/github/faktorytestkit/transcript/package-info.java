/**
 * Wire transcripts of Faktory connections: the value model ({@link io.github.faktorytestkit.transcript.Transcript},
 * its header, events, frames and placeholders), the one reader and writer of the text form specified in
 * {@code recordings/README.md}, the capture log that collects a raw capture, the normaliser that turns it into
 * placeholders, and the splitter that cuts a byte stream into frames. Pure Java: no sockets, no Netty. Used by the
 * recording proxy, replay and the conformance tests.
 */
package io.github.faktorytestkit.transcript;
