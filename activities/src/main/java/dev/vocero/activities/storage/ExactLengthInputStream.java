package dev.vocero.activities.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read that ends the stream early or runs past the announced length, so a short write is never kept. */
final class ExactLengthInputStream extends FilterInputStream {
  private final long expected;
  private long count;

  ExactLengthInputStream(InputStream in, long expected) {
    super(in);
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    check(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    check(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }

  private void check(int read) throws IOException {
    if (read > 0) {
      count += read;
    }
    if (count > expected || (read < 0 && count != expected)) {
      throw new IOException("blob stream has " + (read < 0 ? "" : "more than ") + count + " bytes, expected "
          + expected);
    }
  }
}
