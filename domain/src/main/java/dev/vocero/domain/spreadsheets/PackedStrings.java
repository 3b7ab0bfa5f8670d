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
    return chars.substring(start(index), ends[index]);
  }

  /** The length of one string, without copying it. */
  int length(int index) {
    return ends[index] - start(index);
  }

  /** Whether one string is empty or only white space, without copying it. */
  boolean isBlank(int index) {
    for (int i = start(index); i < ends[index]; i++) {
      if (!Character.isWhitespace(chars.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private int start(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("no shared string " + index + " of " + size);
    }
    return index == 0 ? 0 : ends[index - 1];
  }

  @Override
  public int size() {
    return size;
  }
}
