package dev.vocero.activities.telephony;

import dev.vocero.domain.telephony.ProviderDisposition;
import dev.vocero.workflows.calls.Disposition;

/**
 * A call's state as the provider reports it.
 *
 * @param status the provider's own status word
 * @param disposition null unless {@code terminal}
 * @param durationSeconds null while unknown
 * @param answeredBy Twilio's AnsweredBy ({@code human}, {@code machine_end_beep}...), null when not detected
 */
public record CallStatusInfo(String providerCallId, String status, boolean terminal, Disposition disposition,
                             Long durationSeconds, String answeredBy) {

  /** The provider's ending as a workflow disposition (same names); null stays null. */
  public static Disposition disposition(ProviderDisposition ending) {
    return ending == null ? null : Disposition.valueOf(ending.name());
  }
}
