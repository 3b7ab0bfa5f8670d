package dev.vocero.domain.spreadsheets;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Parses what people type in a phone column into a valid number. Besides libphonenumber's own leniency it retries
 * "00" as "+" (Spaniards write 0034… whatever the default region) and drops the pre-2019 Mexican mobile "1".
 */
final class PhoneParser {
  private static final int MEXICO = 52;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final String region;

  PhoneParser(String region) {
    this.region = region;
  }

  /** A valid number (extension kept but unused), or null when the text is not one. */
  PhoneNumber parse(String text) {
    String trimmed = text.strip();
    PhoneNumber number = tryParse(trimmed);
    if (valid(number)) {
      return number;
    }
    if (trimmed.startsWith("00")) {
      PhoneNumber international = tryParse("+" + trimmed.substring(2));
      if (valid(international)) {
        return international;
      }
    }
    return withoutOldMexicanMobilePrefix(number);
  }

  private PhoneNumber withoutOldMexicanMobilePrefix(PhoneNumber number) {
    if (number == null || number.getCountryCode() != MEXICO) {
      return null;
    }
    String national = util.getNationalSignificantNumber(number);
    if (national.length() != 11 || !national.startsWith("1")) {
      return null;
    }
    PhoneNumber mobile = tryParse("+52" + national.substring(1));
    return valid(mobile) ? mobile : null;
  }

  String e164(PhoneNumber number) {
    return util.format(number, PhoneNumberFormat.E164);
  }

  private boolean valid(PhoneNumber number) {
    return number != null && util.isValidNumber(number);
  }

  private PhoneNumber tryParse(String text) {
    try {
      return util.parse(text, region);
    } catch (NumberParseException e) {
      return null;
    }
  }
}
