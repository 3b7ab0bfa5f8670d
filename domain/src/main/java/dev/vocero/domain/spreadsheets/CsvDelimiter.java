package dev.vocero.domain.spreadsheets;

import java.util.Arrays;

/**
 * Picks the delimiter among ; , tab and | from the first lines: it must appear in the header, and the winner is the
 * one whose count outside quotes repeats on the most lines, then the one with the most columns.
 */
final class CsvDelimiter {
  private static final char[] CANDIDATES = {';', ',', '\t', '|'};
  private static final int MAX_LINES = 20;

  private CsvDelimiter() {
  }

  static char detect(CharSequence sample) {
    int[][] counts = countPerLine(sample);
    char best = ',';
    int bestConsistent = -1;
    int bestColumns = 0;
    for (int c = 0; c < CANDIDATES.length; c++) {
      int header = counts[c][0];
      if (header == 0) {
        continue;
      }
      int consistent = 0;
      for (int line = 1; line < counts[c].length; line++) {
        if (counts[c][line] == header) {
          consistent++;
        }
      }
      if (consistent > bestConsistent || consistent == bestConsistent && header > bestColumns) {
        best = CANDIDATES[c];
        bestConsistent = consistent;
        bestColumns = header;
      }
    }
    return best;
  }

  /** counts[candidate][line] over logical lines: a quoted line break does not end a line; blank lines are skipped. */
  private static int[][] countPerLine(CharSequence sample) {
    int[][] counts = new int[CANDIDATES.length][MAX_LINES];
    int line = 0;
    boolean quoted = false;
    boolean lineHasText = false;
    for (int i = 0; i < sample.length() && line < MAX_LINES; i++) {
      char ch = sample.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && (ch == '\n' || ch == '\r')) {
        if (lineHasText) {
          line++;
          lineHasText = false;
        }
        continue;
      } else if (!quoted) {
        for (int c = 0; c < CANDIDATES.length; c++) {
          if (ch == CANDIDATES[c]) {
            counts[c][line]++;
          }
        }
      }
      lineHasText = true;
    }
    int lines = Math.max(1, Math.min(MAX_LINES, line + (lineHasText ? 1 : 0)));
    int[][] trimmed = new int[CANDIDATES.length][];
    for (int c = 0; c < CANDIDATES.length; c++) {
      trimmed[c] = Arrays.copyOf(counts[c], lines);
    }
    return trimmed;
  }
}
