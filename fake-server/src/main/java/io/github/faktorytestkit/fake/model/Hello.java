package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import java.util.List;

/**
 * What a connection said in HELLO ({@code server.ClientData}). Immutable.
 *
 * @param hostname the host name
 * @param wid the worker id; "" for a producer
 * @param passwordHash the password proof
 * @param labels the labels, or null when HELLO had none
 * @param pid the process id
 * @param version the protocol version
 * @param rssKb the memory size reported
 */
public record Hello(String hostname, String wid, String passwordHash, List<String> labels, long pid, long version,
    long rssKb) {

  /**
   * Decodes the JSON after {@code HELLO }.
   *
   * @throws GoJsonException when Go would fail to decode it
   */
  public static Hello parse(String json) throws GoJsonException {
    GoStruct hello = GoStruct.of(GoDecoder.decode(json, FaktoryStructs.CLIENT_DATA));
    List<String> labels = hello.list("labels");
    return new Hello(hello.string("hostname"), hello.string("wid"), hello.string("pwdhash"),
        labels == null ? null : List.copyOf(labels), hello.integer("pid"), hello.integer("v"),
        hello.integer("rss_kb"));
  }

  /** Returns whether the client is a worker (has a wid), which registers and may fetch. */
  public boolean isConsumer() {
    return !wid.isEmpty();
  }
}
