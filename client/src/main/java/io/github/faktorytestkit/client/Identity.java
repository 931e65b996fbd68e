package io.github.faktorytestkit.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.faktorytestkit.protocol.JobJson;
import java.util.List;

/**
 * Who the client says it is in HELLO. A non-null {@code wid} makes the connection a worker (consumer), which must
 * BEAT; without one it is a producer.
 */
record Identity(String wid, String hostname, long pid, List<String> labels, String username, int protocolVersion) {

  Identity {
    labels = List.copyOf(labels);
  }

  /** Returns HELLO's JSON, with {@code pwdhash} when {@code passwordHash} is not null. */
  String helloJson(String passwordHash) {
    ObjectNode hello = JobJson.newObject().put("hostname", hostname);
    if (wid != null) {
      hello.put("wid", wid);
    }
    hello.put("pid", pid);
    labels.forEach(hello.putArray("labels")::add);
    hello.put("v", protocolVersion);
    if (username != null) {
      hello.put("username", username);
    }
    if (passwordHash != null) {
      hello.put("pwdhash", passwordHash);
    }
    return JobJson.write(hello);
  }
}
