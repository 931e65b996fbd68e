package io.github.faktorytestkit.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Reads and writes {@link Job} values as the compact JSON Faktory speaks. Thread-safe. */
public final class JobJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JobJson() {}

  /**
   * Returns a new mapper configured for Faktory JSON: a copy, so reconfiguring it changes nothing else. For reading
   * or writing a few documents prefer {@link #readTree}, {@link #newObject} and {@link #write}.
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /** Returns a new, empty JSON object. */
  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  /**
   * Parses any JSON document into a tree.
   *
   * @throws JsonProcessingException when {@code json} is not JSON
   */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }

  /** Returns {@code job} as compact JSON. */
  public static String toJson(Job job) {
    return write(job);
  }

  /** Returns {@code value} (a job, list, map, ...) as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses one job.
   *
   * @throws JsonProcessingException when {@code json} is not a job document
   */
  public static Job parse(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, Job.class);
  }
}
