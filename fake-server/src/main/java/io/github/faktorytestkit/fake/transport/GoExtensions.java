package io.github.faktorytestkit.fake.transport;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The loop over a hello's extensions that Go's parsers share ({@code clientHelloMsg}, {@code serverHelloMsg},
 * {@code encryptedExtensionsMsg}): each extension a 16-bit type and a vector of 16-bit length, none twice; one of a
 * type the parser knows must be read by it to its last byte, one of another type is skipped unread.
 */
final class GoExtensions {
  private GoExtensions() {}

  /** Reads the data of one extension of a known type as Go's parser does. */
  @FunctionalInterface
  interface Reader {
    /**
     * Whether Go's parser takes {@code data}, which it reads; the loop then checks that nothing of it is left.
     *
     * @param rest the extensions after this one
     */
    boolean read(int type, TlsCursor data, TlsCursor rest);
  }

  /** Whether Go's parser takes all of {@code extensions}, reading those of a type {@code known} with {@code reader}. */
  static boolean read(TlsCursor extensions, IntPredicate known, Reader reader) {
    Set<Integer> seen = new HashSet<>();
    while (!extensions.isEmpty()) {
      int type = extensions.readUint(2);
      Optional<TlsCursor> data = type < 0 ? Optional.empty() : extensions.readVector(2);
      if (data.isEmpty() || !seen.add(type)) {
        return false;
      }
      if (known.test(type) && !(reader.read(type, data.get(), extensions) && data.get().isEmpty())) {
        return false;
      }
    }
    return true;
  }

  /** Reads a server's {@code application_layer_protocol_negotiation} as Go does: a list of one protocol, not empty. */
  static boolean selectedProtocol(TlsCursor data) {
    Optional<TlsCursor> list = data.readVector(2).filter(protocols -> !protocols.isEmpty());
    return list.isPresent() && nonEmpty(list.get().readVector(1)) != null && list.get().isEmpty();
  }

  /**
   * Reads a list (a vector of 16-bit length, not empty) of vectors, none empty, each of a length of
   * {@code prefixSize} bytes: a server's signed certificate timestamps.
   */
  static boolean nonEmptyVectors(TlsCursor data, int prefixSize) {
    Optional<TlsCursor> list = data.readVector(2).filter(vectors -> !vectors.isEmpty());
    while (list.isPresent() && !list.get().isEmpty()) {
      if (nonEmpty(list.get().readVector(prefixSize)) == null) {
        return false;
      }
    }
    return list.isPresent();
  }

  /** The bytes of a vector that was read and is not empty, else null. */
  static byte[] nonEmpty(Optional<TlsCursor> vector) {
    return vector.map(TlsCursor::readRest).filter(bytes -> bytes.length > 0).orElse(null);
  }
}
