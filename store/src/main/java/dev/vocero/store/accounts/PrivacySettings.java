package dev.vocero.store.accounts;

/** An organization's privacy settings: redact PII from transcripts, and the region of national phone numbers. */
public record PrivacySettings(boolean piiRedaction, String piiPhoneRegion) {

  public static final PrivacySettings OFF = new PrivacySettings(false, null);
}
