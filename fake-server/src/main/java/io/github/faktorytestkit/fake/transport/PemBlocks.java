package io.github.faktorytestkit.fake.transport;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM blocks of a text, in order, as Go's {@code pem.Decode} finds them (a block whose body is not Base64 is skipped). */
final class PemBlocks {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([^\\r\\n-]*)-----\\r?\\n([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  /** One block: its type ({@code CERTIFICATE}, {@code EC PRIVATE KEY}...) and its decoded body. */
  record Block(String type, byte[] der) {}

  private PemBlocks() {}

  static List<Block> of(String pem) {
    List<Block> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(pem);
    while (block.find()) {
      try {
        blocks.add(new Block(block.group(1), Base64.getMimeDecoder().decode(block.group(2))));
      } catch (IllegalArgumentException e) {
        // not Base64: pem.Decode skips it too
      }
    }
    return blocks;
  }
}
