package dev.vocero.api.console;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.phones.PhoneNumbers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Form fields read into the API's request values; text that is not a value is refused as the API refuses it (422). */
final class FormValues {
  private FormValues() {}

  static Map<String, String> typed(String... namesAndValues) {
    Map<String, String> typed = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return typed;
  }

  static String e164(String phone, String region) {
    String r = blankToNull(region);
    return PhoneNumbers.e164(phone, r == null ? null : r.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> phoneError("invalid_phone", "is not a valid phone number (give it in international form,"
            + " e.g. +57 300 123 4567, or choose the country)"));
  }

  static ApiException phoneError(String code, String message) {
    return new ApiException(422, code, message, List.of(new ApiError.Detail("phone", code, message)), null);
  }

  /** A whole number typed in a form; text that is not one is refused like the API refuses it. */
  static Integer whole(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(422, "invalid_request", field + " must be a whole number",
          List.of(new ApiError.Detail(field, "invalid_number", "must be a whole number")), null);
    }
  }

  /** A decimal typed in a form (a comma is a decimal point); text that is not one is refused like the API does. */
  static Double decimal(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new ApiException(422, "invalid_request", field + " must be a number",
          List.of(new ApiError.Detail(field, "invalid_number", "must be a number")), null);
    }
  }

  /** Comma- or line-separated values; none when blank. */
  static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(value.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
