package dev.vocero.domain.spreadsheets;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The shared strings as one character buffer and an array of end offsets: about 4 bytes of overhead a string
 * instead of about 50 for a list of String objects, which matters when a workbook holds millions of short texts.
 */
final class PackedStrings extends AbstractList<String> implements RandomAccess {
  private final StringBuilder chars = new StringBuilder();
  private int[] ends = new int[1024];
  private int size;

  void add(CharSequence text) {
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size * 2);
    }
    chars.append(text);
    ends[size++] = chars.length();
  }

  int totalChars() {
    return chars.length();
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("no shared string " + index + " of " + size);
    }
    return chars.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
  }

  @Override
  public int size() {
    return size;
  }
}
