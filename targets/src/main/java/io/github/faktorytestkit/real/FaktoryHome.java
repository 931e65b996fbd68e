package io.github.faktorytestkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The private folder of one {@link LocalFaktory}: {@code /tmp/fk<random>/} with the storage directory
 * {@code db/} (where Faktory puts Redis, its socket and {@code redis.log}) and the config directory {@code conf/}
 * (TLS files). Kept short because the Redis socket path must fit in about 100 bytes.
 */
final class FaktoryHome {
  private static final Path PARENT = Path.of("/tmp");
  private final Path root;

  private FaktoryHome(Path root) {
    this.root = root;
  }

  /** Creates a fresh home; writes the TLS files when {@code certPem} and {@code keyPem} are not null. */
  static FaktoryHome create(String certPem, String keyPem) {
    try {
      FaktoryHome home = new FaktoryHome(Files.createTempDirectory(PARENT, "fk"));
      Files.createDirectories(home.configDirectory());
      if (certPem != null) {
        Files.writeString(home.configDirectory().resolve("public.cert.pem"), certPem);
        Files.writeString(home.configDirectory().resolve("private.key.pem"), keyPem);
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Faktory home under " + PARENT, e);
    }
  }

  Path storageDirectory() {
    return root.resolve("db");
  }

  Path configDirectory() {
    return root.resolve("conf");
  }

  /** Returns Redis's own log (Faktory does not echo it), or a note when there is none. */
  String redisLog() {
    Path log = storageDirectory().resolve("redis.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "(no " + log + ")\n";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")\n";
    }
  }

  /** Deletes the home and everything in it; missing files are fine. */
  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
