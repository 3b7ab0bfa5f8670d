package dev.vocero.domain.alerts;

import dev.vocero.domain.text.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The patterns of alert rules: the API checks them with the same rules (and limits) the workers evaluate them with. */
public final class RulePatterns {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final String NOT_WORD = "[^\\p{L}\\p{N}]+";

  private RulePatterns() {}

  /** Throws {@link InvalidRuleException} when a rule of {@code kind} cannot be evaluated with {@code pattern}. */
  public static void check(String kind, String pattern) {
    if ("regex".equals(kind)) {
      SafeRegex.compile(pattern);
    } else if ("keyword".equals(kind) && keyword(pattern) == null) {
      throw new InvalidRuleException("the keyword has no letters or digits to look for");
    }
  }

  /** Empty when {@code pattern} is usable for a rule of {@code kind}, else what is wrong with it. */
  public static Optional<String> problem(String kind, String pattern) {
    try {
      check(kind, pattern);
      return Optional.empty();
    } catch (InvalidRuleException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Whole words of the folded keyword separated by any run of non-word characters; null without words. */
  public static Pattern keyword(String keyword) {
    if (keyword == null) {
      return null;
    }
    Matcher words = WORD.matcher(FoldedText.fold(keyword));
    List<String> parts = new ArrayList<>();
    while (words.find()) {
      parts.add(Pattern.quote(words.group()));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join(NOT_WORD, parts) + "(?![\\p{L}\\p{N}])");
  }
}
