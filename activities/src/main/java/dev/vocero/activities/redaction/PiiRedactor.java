package dev.vocero.activities.redaction;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces e-mail addresses, phone numbers, payment card numbers and national identity numbers with typed
 * placeholders ({@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]}, {@code [ID]}). Phone numbers are found by
 * libphonenumber: international ones anywhere, national ones for {@code region}; amounts, dates and order numbers
 * are left alone. Placeholders are never matched again, so redacting twice changes nothing.
 */
public final class PiiRedactor {

  /** Region for phone numbers when the organization has none: only numbers written with + are found. */
  public static final String NO_REGION = "ZZ";
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.\\p{L}{2,}(?![\\w-])", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern CARD = Pattern.compile("(?<![\\d.,])\\d(?:[ -]?\\d){12,18}(?![\\d]|[.,]\\d)");
  private static final Pattern AMOUNT_AROUND = Pattern.compile("(?iu)(?:[$€£]|\\b(?:usd|eur|cop|mxn|clp|ars|pen)\\s?)\\s*$"
      + "|^\\s*(?:pesos|euros|d[oó]lares|dollars|soles|usd|eur|cop|mxn|clp|ars|pen)\\b");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d{1,2})?");

  private final String region;

  public PiiRedactor(String region) {
    String r = region == null || region.isBlank() ? NO_REGION : region.trim().toUpperCase(Locale.ROOT);
    if (!r.equals(NO_REGION) && !PHONES.getSupportedRegions().contains(r)) {
      throw new IllegalArgumentException("unknown phone region '" + region + "': use an ISO 3166 code such as CL");
    }
    this.region = r;
  }

  public Redaction redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Redaction(text, Map.of());
    }
    List<Span> found = new ArrayList<>();
    regex(EMAIL, text, PiiType.EMAIL, found);
    cards(text, found);
    NationalIds.find(text, found);
    phones(text, found);
    return apply(text, found);
  }

  private static Redaction apply(String text, List<Span> candidates) {
    List<Span> chosen = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      for (Span span : candidates) {
        if (span.type() == type && chosen.stream().noneMatch(span::overlaps)) {
          chosen.add(span);
        }
      }
    }
    chosen.sort(Comparator.comparingInt(Span::start));
    StringBuilder out = new StringBuilder(text.length());
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    int at = 0;
    for (Span span : chosen) {
      out.append(text, at, span.start()).append(span.type().placeholder());
      counts.merge(span.type(), 1, Integer::sum);
      at = span.end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), counts);
  }

  private static void cards(String text, List<Span> into) {
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
        into.add(new Span(m.start(), m.end(), PiiType.CARD));
      }
    }
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private void phones(String text, List<Span> into) {
    for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      String raw = match.rawString();
      boolean international = raw.startsWith("+");
      if (!international && (looksLikeAmount(text, match.start(), match.end()) || THOUSANDS.matcher(raw).matches())) {
        continue;
      }
      into.add(new Span(match.start(), match.end(), PiiType.PHONE));
    }
  }

  private static boolean looksLikeAmount(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 5), start);
    String after = text.substring(end, Math.min(text.length(), end + 10));
    return AMOUNT_AROUND.matcher(before).find() || AMOUNT_AROUND.matcher(after).find();
  }

  private static void regex(Pattern pattern, String text, PiiType type, List<Span> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(new Span(m.start(), m.end(), type));
    }
  }
}
