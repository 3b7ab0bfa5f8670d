package dev.vocero.domain.phones;

/** The one rule for showing a phone number outside its contact record: "+57300•••4567". */
public final class MaskedPhone {
  private MaskedPhone() {}

  /** Enough to recognise a number, not enough to dial it. */
  public static String of(String e164) {
    if (e164 == null || e164.length() < 8) {
      return "•••";
    }
    return e164.substring(0, e164.length() - 7) + "•••" + e164.substring(e164.length() - 4);
  }
}
