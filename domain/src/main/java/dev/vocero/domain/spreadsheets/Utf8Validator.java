package dev.vocero.domain.spreadsheets;

/** Checks a byte stream for well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
final class Utf8Validator {
  private int pending;
  private int lower = 0x80;
  private int upper = 0xBF;
  private boolean valid = true;

  void accept(int b) {
    if (!valid) {
      return;
    }
    if (pending > 0) {
      if (b < lower || b > upper) {
        valid = false;
        return;
      }
      pending--;
      lower = 0x80;
      upper = 0xBF;
      return;
    }
    if (b < 0x80) {
      return;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      lower = b == 0xE0 ? 0xA0 : 0x80;
      upper = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      lower = b == 0xF0 ? 0x90 : 0x80;
      upper = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      valid = false;
    }
  }

  /** True when every sequence seen was complete and well formed. */
  boolean valid() {
    return valid && pending == 0;
  }
}
