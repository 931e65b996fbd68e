package io.github.faktorytestkit.fake.transport;

/**
 * Go's check of the records a client sends after its first hello ({@code readRecordOrCCS} once the version is
 * known): each record's version must be TLS 1.2's (TLS 1.3 records claim it too), else Go answers
 * {@code protocol_version}. Follows the record headers of a client's byte stream, read by read; BouncyCastle takes
 * any version there.
 */
final class GoRecordVersions {
  private static final int HEADER = 5;
  private static final int TLS12 = 0x0303;

  private final byte[] header = new byte[HEADER];
  private int headerBytes;
  private int bodyLeft;

  /**
   * Takes in the next {@code length} bytes of the stream from {@code bytes}, and returns the offset in them of the
   * header of the first record with another version (0 when that header began in an earlier read), or -1 for none.
   */
  int firstOfAnotherVersion(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      if (bodyLeft > 0) {
        int skipped = Math.min(bodyLeft, length - i);
        bodyLeft -= skipped;
        i += skipped;
        continue;
      }
      int start = i - headerBytes;
      header[headerBytes++] = bytes[i++];
      if (headerBytes == HEADER) {
        headerBytes = 0;
        if (((header[1] & 0xff) << 8 | header[2] & 0xff) != TLS12) {
          return Math.max(start, 0);
        }
        bodyLeft = (header[3] & 0xff) << 8 | header[4] & 0xff;
      }
    }
    return -1;
  }
}
