package dev.vocero.domain.spreadsheets;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;

/**
 * A callee's IANA zone from the number, by libphonenumber's time-zone mapper (geocoder artifact): area codes
 * decide where a country spans several zones. Where the mapper does not know, the default region's zone is used,
 * then UTC.
 */
final class PhoneTimeZones {
  private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();
  private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

  /** Where most people of a multi-zone country live, for numbers (mobiles) the mapper cannot place. */
  private static final Map<String, String> MAIN_ZONE = Map.of(
      "ES", "Europe/Madrid", "MX", "America/Mexico_City", "CL", "America/Santiago", "US", "America/New_York",
      "CA", "America/Toronto", "BR", "America/Sao_Paulo", "AR", "America/Argentina/Buenos_Aires",
      "PT", "Europe/Lisbon", "EC", "America/Guayaquil");

  private final String fallback;

  PhoneTimeZones(String defaultRegion) {
    PhoneNumber example = defaultRegion == null ? null : PhoneNumberUtil.getInstance().getExampleNumber(defaultRegion);
    this.fallback = example == null ? "UTC" : first(MAPPER.getTimeZonesForNumber(example), "UTC");
  }

  String zoneFor(PhoneNumber number) {
    List<String> zones = MAPPER.getTimeZonesForNumber(number);
    if (zones.size() > 1) { // e.g. a Spanish mobile: Canary Islands or mainland; the mapper sorts them by name
      String main = MAIN_ZONE.get(PhoneNumberUtil.getInstance().getRegionCodeForNumber(number));
      if (main != null && zones.contains(main)) {
        return main;
      }
    }
    return first(zones, fallback);
  }

  private static String first(List<String> zones, String otherwise) {
    return zones.isEmpty() || UNKNOWN.equals(zones.get(0)) ? otherwise : zones.get(0);
  }
}
