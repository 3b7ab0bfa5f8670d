package dev.vocero.activities.spreadsheets;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses a callee's IANA zone from the number: the region's main zone, refined by area code where one country
 * spans several zones (US, Canada, Mexico, Spain's Canaries, Chile's Magallanes). A stand-in for libphonenumber's
 * PhoneNumberToTimeZonesMapper, which lives in the geocoder artifact this module does not depend on.
 * Unknown regions fall back to the default region's zone, then to UTC.
 */
final class PhoneTimeZones {
  private static final Map<String, String> BY_REGION = new HashMap<>();
  private static final Map<String, String> BY_AREA = new HashMap<>();

  static {
    region("America/Bogota", "CO");
    region("America/Mexico_City", "MX");
    region("America/Santiago", "CL");
    region("Europe/Madrid", "ES");
    region("America/New_York", "US");
    region("America/Toronto", "CA");
    region("America/Puerto_Rico", "PR");
    region("America/Argentina/Buenos_Aires", "AR");
    region("America/Lima", "PE");
    region("America/Guayaquil", "EC");
    region("America/Caracas", "VE");
    region("America/La_Paz", "BO");
    region("America/Asuncion", "PY");
    region("America/Montevideo", "UY");
    region("America/Sao_Paulo", "BR");
    region("America/Guatemala", "GT");
    region("America/El_Salvador", "SV");
    region("America/Tegucigalpa", "HN");
    region("America/Managua", "NI");
    region("America/Costa_Rica", "CR");
    region("America/Panama", "PA");
    region("America/Santo_Domingo", "DO");
    region("America/Havana", "CU");
    region("Europe/Lisbon", "PT");
    region("Europe/London", "GB");
    region("Europe/Paris", "FR", "AD", "MC");
    region("Europe/Berlin", "DE");
    region("Europe/Rome", "IT");
    region("Europe/Zurich", "CH");
    region("Europe/Amsterdam", "NL");
    region("Europe/Brussels", "BE");
    region("Europe/Dublin", "IE");
    area("US", "America/Los_Angeles", "209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650"
        + " 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951 206 253 360 425 509 564 458 503"
        + " 541 971 702 725 775");
    area("US", "America/Denver", "303 719 720 970 983 385 435 801 505 575 406 307 208 986 915");
    area("US", "America/Phoenix", "480 520 602 623 928");
    area("US", "America/Anchorage", "907");
    area("US", "Pacific/Honolulu", "808");
    area("US", "America/Chicago", "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832"
        + " 903 936 940 945 956 972 979 217 224 309 312 331 447 464 618 630 708 773 779 815 847 872 218 320 507 612"
        + " 651 763 952 262 414 534 608 715 920 319 515 563 641 712 314 417 573 636 660 816 479 501 870 225 318 337"
        + " 504 985 228 601 662 769 205 251 256 334 659 938 405 539 580 918 316 620 785 913 402 531 308 605 701 615"
        + " 629 731 901 931 270 219");
    area("CA", "America/Vancouver", "236 250 604 672 778");
    area("CA", "America/Edmonton", "368 403 587 780 825");
    area("CA", "America/Regina", "306 474 639");
    area("CA", "America/Winnipeg", "204 431 584");
    area("CA", "America/Halifax", "782 902");
    area("CA", "America/Moncton", "506");
    area("CA", "America/St_Johns", "709");
    area("MX", "America/Tijuana", "664 665 686 646");
    area("MX", "America/Hermosillo", "662 644 631 653 642 638");
    area("MX", "America/Chihuahua", "614 625 627 628 629 635 636 639 648 649");
    area("MX", "America/Ciudad_Juarez", "656");
    area("MX", "America/Mazatlan", "667 669 672 673 612 613 615 624 311 319 323 324");
    area("MX", "America/Cancun", "998 984 983 997");
    area("ES", "Atlantic/Canary", "828 822 928 922");
    area("CL", "America/Punta_Arenas", "61");
  }

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final String fallback;

  PhoneTimeZones(String defaultRegion) {
    this.fallback = BY_REGION.getOrDefault(defaultRegion, "UTC");
  }

  String zoneFor(PhoneNumber number) {
    String region = util.getRegionCodeForNumber(number);
    if (region == null || !BY_REGION.containsKey(region)) {
      return fallback;
    }
    String national = util.getNationalSignificantNumber(number);
    for (int length = 3; length >= 2; length--) {
      if (national.length() > length) {
        String zone = BY_AREA.get(region + national.substring(0, length));
        if (zone != null) {
          return zone;
        }
      }
    }
    return BY_REGION.get(region);
  }

  private static void region(String zone, String... regions) {
    for (String region : regions) {
      BY_REGION.put(region, zone);
    }
  }

  private static void area(String region, String zone, String codes) {
    for (String code : codes.split(" ")) {
      BY_AREA.put(region + code, zone);
    }
  }
}
