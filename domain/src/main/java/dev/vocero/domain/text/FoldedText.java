package dev.vocero.domain.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** Text lowercased and stripped of accents, remembering where each folded char came from in the original. */
public final class FoldedText {
  private final String original;
  private final String folded;
  private final int[] originalStart;
  private final int[] originalEnd;

  private FoldedText(String original, String folded, int[] originalStart, int[] originalEnd) {
    this.original = original;
    this.folded = folded;
    this.originalStart = originalStart;
    this.originalEnd = originalEnd;
  }

  public static FoldedText of(String original) {
    StringBuilder folded = new StringBuilder(original.length());
    int[] starts = new int[original.length() + 8];
    int[] ends = new int[original.length() + 8];
    int i = 0;
    while (i < original.length()) {
      int codePoint = original.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      String piece = fold(new String(Character.toChars(codePoint)));
      for (int k = 0; k < piece.length(); k++) {
        if (folded.length() == starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
          ends = Arrays.copyOf(ends, ends.length * 2);
        }
        starts[folded.length()] = i;
        ends[folded.length()] = next;
        folded.append(piece.charAt(k));
      }
      i = next;
    }
    return new FoldedText(original, folded.toString(), starts, ends);
  }

  /** Lowercase without accents: "Crédito" and "CREDITO" both fold to "credito", "Año" to "ano". */
  public static String fold(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char c = decomposed.charAt(k);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  public String folded() {
    return folded;
  }

  public String original() {
    return original;
  }

  /** Index in the original text where the folded char at {@code foldedIndex} starts. */
  public int originalStart(int foldedIndex) {
    return originalStart[foldedIndex];
  }

  /** Index in the original text just past the folded char at {@code foldedIndex - 1}. */
  public int originalEnd(int foldedEndExclusive) {
    return originalEnd[foldedEndExclusive - 1];
  }
}
