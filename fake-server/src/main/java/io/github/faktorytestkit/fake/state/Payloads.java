package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoType;
import java.util.function.UnaryOperator;

/** Decodes command payloads as the real server does, turning Go's decoding error into the command's error text. */
final class Payloads {
  private Payloads() {}

  /**
   * Decodes {@code json} into the struct {@code type}.
   *
   * @param errorText maps Go's error message to the error text the command answers
   * @throws CommandException with that text when Go would fail to decode
   */
  static Fields struct(String json, GoType type, UnaryOperator<String> errorText) throws CommandException {
    return Fields.of(value(json, type, errorText));
  }

  /**
   * Decodes {@code json} into {@code type}.
   *
   * @param errorText maps Go's error message to the error text the command answers
   * @throws CommandException with that text when Go would fail to decode
   */
  static Object value(String json, GoType type, UnaryOperator<String> errorText) throws CommandException {
    try {
      return GoDecoder.decode(json, type);
    } catch (GoJsonException e) {
      throw new CommandException(errorText.apply(e.getMessage()));
    }
  }
}
