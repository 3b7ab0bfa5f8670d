package dev.vocero.domain.alerts;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Regular expressions of alert rules, compiled by RE2/J: matching time grows linearly with the input, so no
 * pattern can hang a worker (no backtracking). Case-insensitive; at most {@link #MAX_PATTERN_CHARS}.
 */
public final class SafeRegex {
  /** The longest pattern a rule may have (the API's request limit says the same). */
  public static final int MAX_PATTERN_CHARS = 500;
  /** RE2's own limit on nested counted repetition (kMaxRepeat): RE2/J lacks it and runs out of memory instead. */
  static final int MAX_REPEAT_PRODUCT = 1000;

  private SafeRegex() {}

  /** The compiled pattern, or an {@link InvalidRuleException} whose message says what to change. */
  public static Pattern compile(String regex) {
    if (regex == null || regex.isBlank()) {
      throw new InvalidRuleException("the regular expression is empty");
    }
    if (regex.length() > MAX_PATTERN_CHARS) {
      throw new InvalidRuleException("the regular expression has " + regex.length() + " characters; at most "
          + MAX_PATTERN_CHARS + " are allowed");
    }
    if (repeatProduct(regex) > MAX_REPEAT_PRODUCT) {
      throw new InvalidRuleException("nested counted repetitions such as (a{100}){100} may repeat at most "
          + MAX_REPEAT_PRODUCT + " times in total");
    }
    try {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new InvalidRuleException("invalid regular expression (RE2 syntax: no look-behind, look-ahead or"
          + " back-references): " + e.getDescription());
    }
  }

  /** The largest product of nested {n,m} counts, skipping escapes and character classes. */
  static long repeatProduct(String regex) {
    Deque<long[]> groups = new ArrayDeque<>(); // per open group: {largest product inside}
    groups.push(new long[] {1});
    long lastAtom = 1;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        lastAtom = 1;
        i += 2;
      } else if (c == '[') {
        i = classEnd(regex, i);
        lastAtom = 1;
      } else if (c == '(') {
        groups.push(new long[] {1});
        i++;
      } else if (c == ')') {
        lastAtom = groups.size() > 1 ? groups.pop()[0] : 1;
        groups.peek()[0] = Math.max(groups.peek()[0], lastAtom);
        i++;
      } else if (c == '{' && regex.indexOf('}', i) > i) {
        int close = regex.indexOf('}', i);
        long count = largestCount(regex.substring(i + 1, close));
        if (count >= 0) {
          lastAtom = Math.min(Long.MAX_VALUE / 2, lastAtom * Math.max(1, count));
          groups.peek()[0] = Math.max(groups.peek()[0], lastAtom);
          i = close + 1;
        } else {
          lastAtom = 1;
          i++;
        }
      } else {
        lastAtom = 1;
        i++;
      }
    }
    long largest = 1;
    for (long[] group : groups) {
      largest = Math.max(largest, group[0]);
    }
    return largest;
  }

  private static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** "3" → 3, "2,5" → 5, "2," → 2; anything else is a literal brace (-1). */
  private static long largestCount(String inside) {
    if (!inside.matches("\\d{1,6}(,\\d{0,6})?")) {
      return -1;
    }
    String[] parts = inside.split(",", -1);
    long low = Long.parseLong(parts[0]);
    return parts.length == 2 && !parts[1].isEmpty() ? Math.max(low, Long.parseLong(parts[1])) : low;
  }
}
