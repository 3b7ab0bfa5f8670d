package dev.vocero.domain.spreadsheets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A head, then one byte repeated {@code count} times, then a tail: a huge upload that never sits in the test's heap. */
final class GeneratedInput extends InputStream {
  private final byte[] head;
  private final byte filler;
  private final long count;
  private final byte[] tail;
  private long position;

  GeneratedInput(String head, char filler, long count, String tail) {
    this.head = head.getBytes(StandardCharsets.UTF_8);
    this.filler = (byte) filler;
    this.count = count;
    this.tail = tail.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public int read() {
    long total = head.length + count + tail.length;
    if (position >= total) {
      return -1;
    }
    long at = position++;
    if (at < head.length) {
      return head[(int) at] & 0xFF;
    }
    at -= head.length;
    return at < count ? filler & 0xFF : tail[(int) (at - count)] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    int n = 0;
    for (int b; n < length && (b = read()) != -1; n++) {
      buffer[offset + n] = (byte) b;
    }
    return n == 0 && length > 0 ? -1 : n;
  }
}
