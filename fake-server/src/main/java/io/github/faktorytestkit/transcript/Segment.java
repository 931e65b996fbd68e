package io.github.faktorytestkit.transcript;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/** A piece of a frame's body: literal bytes, or a placeholder standing for a value that changes between runs. */
public sealed interface Segment permits Segment.Literal, Segment.Slot {

  /** Returns the bytes this segment stands for in the recording (a slot's recorded value). */
  byte[] bytes();

  /** Literal bytes, recorded as they were. */
  record Literal(byte[] bytes) implements Segment {
    /** Creates the segment; the bytes are copied. */
    public Literal {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Literal literal && Arrays.equals(bytes, literal.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Literal[" + ByteEscaping.escapeLiteral(bytes, false) + "]";
    }
  }

  /**
   * A named placeholder, written {@code {{name:index=value}}} where it is bound (its first occurrence in the
   * transcript) and {@code {{name:index}}} where it is reused. {@code value} is the value the recording saw, so the
   * exact bytes stay recoverable; a replay may bind the name to another value and check it on reuse.
   *
   * @param name the kind of value, e.g. {@code jid}, {@code ts}, {@code salt}: lower-case letters, digits, {@code _}
   * @param index which value of that kind, from 1
   * @param value the recorded value
   * @param binding whether this occurrence binds the placeholder (true) or reuses it
   */
  record Slot(String name, int index, byte[] value, boolean binding) implements Segment {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Creates the segment; the value is copied. */
    public Slot {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("name: " + name + " (expected: [a-z][a-z0-9_]*)");
      }
      if (index < 1) {
        throw new IllegalArgumentException("index: " + index + " (expected: 1 or more)");
      }
      value = value.clone();
    }

    /** Returns {@code name:index}, the placeholder's identity within a transcript. */
    public String key() {
      return name + ":" + index;
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public byte[] bytes() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Slot slot && name.equals(slot.name) && index == slot.index
          && binding == slot.binding && Arrays.equals(value, slot.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, index, binding, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
      return "Slot[" + key() + (binding ? "=" + ByteEscaping.escapeLiteral(value, false) : "") + "]";
    }
  }
}
