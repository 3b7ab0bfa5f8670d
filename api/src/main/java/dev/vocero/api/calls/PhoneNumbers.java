package dev.vocero.api.calls;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** E.164 normalization (libphonenumber) and masking for logs and reports shown to other roles. */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The number in E.164, or empty when it is not a valid number for the region. */
  public static Optional<String> e164(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), defaultRegion);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** "+57300•••4567": enough to recognise a number, not enough to dial it. */
  public static String mask(String e164) {
    if (e164 == null || e164.length() < 8) {
      return "•••";
    }
    return e164.substring(0, e164.length() - 7) + "•••" + e164.substring(e164.length() - 4);
  }
}
