package io.github.faktorytestkit.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Reads and writes {@link Job} values as the compact JSON Faktory speaks. Thread-safe. */
public final class JobJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  /** Bound once: {@code readValue(json, Job.class)} resolves the type and its deserializer on every call. */
  private static final ObjectReader JOB_READER = MAPPER.readerFor(Job.class);
  private static final ObjectWriter JOB_WRITER = MAPPER.writerFor(Job.class);

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
    try {
      return JOB_WRITER.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code text} as a JSON string literal, quotes included, escaped exactly as {@link #write} escapes a
   * string value: for fixed-shape commands ({@code {"jid":"..."}}) built without a tree.
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 8).append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, quoted);
    return quoted.append('"').toString();
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
    return JOB_READER.readValue(json);
  }
}
