package dev.vocero.domain.telephony;

/**
 * How a call ended, as far as a telephony provider can tell. The names match the workflows' {@code Disposition},
 * which adds the endings Vocero decides itself (DNC, caps, windows, credits); callers convert by name.
 */
public enum ProviderDisposition {
  ANSWERED_HUMAN,
  ANSWERED_MACHINE,
  NO_ANSWER,
  BUSY,
  FAILED,
  CANCELED,
  INVALID_NUMBER
}
