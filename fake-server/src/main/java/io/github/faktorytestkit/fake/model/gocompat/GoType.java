package io.github.faktorytestkit.fake.model.gocompat;

import java.util.Arrays;
import java.util.List;

/**
 * Describes a Go type that JSON is decoded into, with the name Go prints in its error messages
 * ({@code string}, {@code []interface {}}, {@code client.Job}, ...). Immutable.
 *
 * @param kind what JSON values the type accepts
 * @param name the type's name in Go's error messages
 * @param element the element type of a slice, map or pointer; null otherwise
 * @param fields the fields of a struct; empty otherwise
 * @param minimum the smallest value of an integer type
 * @param maximum the largest value of an integer type
 */
public record GoType(Kind kind, String name, GoType element, GoFieldNames fields, long minimum, long maximum) {

  /** The fields of every type but a struct: none (first, as the constants below use it). */
  private static final GoFieldNames NO_FIELDS = GoFieldNames.of(List.of());
  /** Go's {@code string}. */
  public static final GoType STRING = named(Kind.STRING, "string");
  /** Go's {@code int} (64 bits). */
  public static final GoType INT = integer("int", Long.MIN_VALUE, Long.MAX_VALUE);
  /** Go's {@code int64}. */
  public static final GoType INT64 = integer("int64", Long.MIN_VALUE, Long.MAX_VALUE);
  /** Go's {@code uint8}. */
  public static final GoType UINT8 = integer("uint8", 0, 255);
  /** Go's {@code interface{}}: objects, arrays, strings, float64 numbers, booleans, null. */
  public static final GoType ANY = named(Kind.ANY, "interface {}");
  /** Go's {@code time.Time}, decoded from an RFC 3339 string. */
  public static final GoType TIME = named(Kind.TIME, "time.Time");
  /** Go's {@code []string}. */
  public static final GoType STRING_SLICE = sliceOf(STRING);
  /** Go's {@code []interface {}}. */
  public static final GoType ANY_SLICE = sliceOf(ANY);
  /** Go's {@code map[string]interface {}}. */
  public static final GoType ANY_MAP = mapOf(ANY);
  /** Go's {@code map[string]string}. */
  public static final GoType STRING_MAP = mapOf(STRING);

  /** The JSON shapes a Go type accepts. */
  public enum Kind {
    /** A string (or a named string type). */
    STRING,
    /** An integer type; the JSON number must be an integer literal within range. */
    INTEGER,
    /** {@code interface{}}. */
    ANY,
    /** {@code time.Time}. */
    TIME,
    /** A slice. */
    SLICE,
    /** A map with string keys. */
    MAP,
    /** A pointer; null sets it to nil. */
    POINTER,
    /** A struct. */
    STRUCT
  }

  /** One struct field: its JSON key and type. */
  public record Field(String key, GoType type) {}


  /** Returns a named string type such as {@code client.Structure}. */
  public static GoType namedString(String name) {
    return named(Kind.STRING, name);
  }

  /** Returns {@code []element}. */
  public static GoType sliceOf(GoType element) {
    return new GoType(Kind.SLICE, "[]" + element.name, element, NO_FIELDS, 0, 0);
  }

  /** Returns {@code map[string]element}. */
  public static GoType mapOf(GoType element) {
    return new GoType(Kind.MAP, "map[string]" + element.name, element, NO_FIELDS, 0, 0);
  }

  /** Returns {@code *element}; Go's messages name the element type. */
  public static GoType pointerTo(GoType element) {
    return new GoType(Kind.POINTER, element.name, element, NO_FIELDS, 0, 0);
  }

  /** Returns a struct type named {@code package.Name} with these fields in declaration order. */
  public static GoType struct(String qualifiedName, Field... fields) {
    return new GoType(Kind.STRUCT, qualifiedName, null, GoFieldNames.of(Arrays.asList(fields)), 0, 0);
  }

  /** Returns a field. */
  public static Field field(String key, GoType type) {
    return new Field(key, type);
  }

  /**
   * Returns the JSON keys a document of this type holds where it holds structs: a struct's field keys and those of
   * the structs in its fields' types; a slice's, map's or pointer's element's; none for other types.
   */
  public GoJsonKeys keys() {
    return kind == Kind.STRUCT ? fields.keys() : element != null ? element.keys() : GoJsonKeys.NONE;
  }

  /** Returns the struct field a JSON key selects (exact match first, else Go's case-insensitive match), or null. */
  public Field fieldFor(String key) {
    return fields.find(key);
  }

  /** Returns the struct's name without its package ({@code Job} for {@code client.Job}). */
  public String shortName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static GoType named(Kind kind, String name) {
    return new GoType(kind, name, null, NO_FIELDS, 0, 0);
  }

  private static GoType integer(String name, long minimum, long maximum) {
    return new GoType(Kind.INTEGER, name, null, NO_FIELDS, minimum, maximum);
  }
}
