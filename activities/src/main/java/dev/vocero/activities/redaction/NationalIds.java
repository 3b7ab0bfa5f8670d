package dev.vocero.activities.redaction;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National identity numbers: those with a check character are validated (Chile RUT, Spain DNI/NIE, Mexico CURP);
 * bare numbers (Argentina/Peru DNI, Colombia cédula) only count when a word such as "DNI" or "cédula" precedes them.
 */
final class NationalIds {

  private static final String NUMBER_WORD = "(?:\\s*(?:n[°ºo.]+|n[uú]mero|nro\\.?|#|:|es|is)?)*\\s*";
  private static final Pattern RUT = Pattern.compile("(?<![\\d.])(\\d{1,2}\\.?\\d{3}\\.?\\d{3})\\s?-\\s?([\\dkK])(?![\\p{L}\\d])");
  private static final Pattern DNI_ES = Pattern.compile("(?<![\\p{L}\\d])(\\d{8})[ -]?([A-Za-z])(?![\\p{L}\\d])");
  private static final Pattern NIE = Pattern.compile("(?<![\\p{L}\\d])([XYZxyz])[ -]?(\\d{7})[ -]?([A-Za-z])(?![\\p{L}\\d])");
  private static final Pattern CURP = Pattern.compile("(?<![\\p{L}\\d])[A-Z][AEIOUX][A-Z]{2}\\d{2}(?:0[1-9]|1[0-2])"
      + "(?:0[1-9]|[12]\\d|3[01])[HMX](?:AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL"
      + "|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\\d]\\d(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
  private static final Pattern DNI_IN_CONTEXT = Pattern.compile("(?iu)(?<![\\p{L}])(?:DNI|D\\.N\\.I\\.?|documento"
      + "(?: nacional)?(?: de identidad)?)" + NUMBER_WORD + "(\\d{1,2}\\.?\\d{3}\\.?\\d{3})(?![\\d\\p{L}])");
  private static final Pattern CEDULA_IN_CONTEXT = Pattern.compile("(?iu)(?<![\\p{L}])(?:c[ée]dula(?: de "
      + "ciudadan[íi]a)?|C\\.\\s?C\\.?|CC)" + NUMBER_WORD + "(\\d{1,3}(?:\\.?\\d{3}){1,3})(?![\\d\\p{L}])");
  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  private NationalIds() {
  }

  static void find(String text, List<Span> into) {
    add(RUT, text, into, 0, m -> rutValid(m.group(1), m.group(2)));
    add(DNI_ES, text, into, 0, m -> dniLetter(Long.parseLong(m.group(1))) == Character.toUpperCase(m.group(2).charAt(0)));
    add(NIE, text, into, 0, m -> dniLetter(Long.parseLong(nieDigit(m.group(1)) + m.group(2)))
        == Character.toUpperCase(m.group(3).charAt(0)));
    add(CURP, text, into, 0, m -> true);
    add(DNI_IN_CONTEXT, text, into, 1, m -> digits(m.group(1)).length() >= 7);
    add(CEDULA_IN_CONTEXT, text, into, 1, m -> digits(m.group(1)).length() >= 6 && digits(m.group(1)).length() <= 10);
  }

  static boolean rutValid(String body, String check) {
    String digits = digits(body);
    int sum = 0;
    int factor = 2;
    for (int i = digits.length() - 1; i >= 0; i--) {
      sum += (digits.charAt(i) - '0') * factor;
      factor = factor == 7 ? 2 : factor + 1;
    }
    int rest = 11 - sum % 11;
    char expected = rest == 11 ? '0' : rest == 10 ? 'K' : (char) ('0' + rest);
    return expected == Character.toUpperCase(check.charAt(0));
  }

  static char dniLetter(long number) {
    return DNI_LETTERS.charAt((int) (number % 23));
  }

  private static String nieDigit(String letter) {
    return switch (Character.toUpperCase(letter.charAt(0))) {
      case 'X' -> "0";
      case 'Y' -> "1";
      default -> "2";
    };
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }

  private static void add(Pattern pattern, String text, List<Span> into, int group, Predicate<Matcher> valid) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (valid.test(m)) {
        into.add(new Span(m.start(group), m.end(group), PiiType.ID));
      }
    }
  }
}
