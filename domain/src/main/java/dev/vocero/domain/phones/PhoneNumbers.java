package dev.vocero.domain.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.vocero.domain.phones.MaskedPhone;
import java.util.Optional;

/** E.164 normalization (libphonenumber) and masking for listings. */
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

  /** See {@link MaskedPhone}: the same rule wherever a number leaves its contact record. */
  public static String mask(String e164) {
    return MaskedPhone.of(e164);
  }
}
