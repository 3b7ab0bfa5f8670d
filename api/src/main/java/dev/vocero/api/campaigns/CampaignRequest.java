package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.vocero.api.errors.ErrorCode;
import dev.vocero.api.validation.DateOrder;
import dev.vocero.api.validation.OneOf;
import dev.vocero.api.validation.SaneDate;
import dev.vocero.api.validation.TimeZoneId;
import dev.vocero.api.validation.Weekdays;
import dev.vocero.api.validation.WindowOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * Body of create and update. {@code weekdays} take MON…SUN or MONDAY…SUNDAY; times are "HH:mm" in {@code timeZone};
 * {@code dailyQuota} 0 or absent means no quota on calls; {@code messageQuotas} such as {"sms": 500} limits
 * messages per day and channel; {@code batchIds} may be left out (a draft without batches gets them later);
 * {@code waves} are SMS/WhatsApp messages sent to the contacts of one of the campaign's batches inside the same windows;
 * {@code contactPolicy} tightens the policy of every batch and wave of the campaign (same fields as a batch's), from
 * the moment a batch is attached, while the campaign is still a draft too (docs/compliance/README.md).
 */
@ErrorCode("invalid_campaign")
@DateOrder
@WindowOrder
@CampaignWaves
public record CampaignRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @SaneDate LocalDate startDate,
    @NotNull @SaneDate LocalDate endDate,
    @NotEmpty @JsonDeserialize(contentUsing = Weekdays.class)
    @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string",
        allowableValues = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
            "FRIDAY", "SATURDAY", "SUNDAY"})) List<@NotNull DayOfWeek> weekdays,
    @NotNull LocalTime windowStart,
    @NotNull LocalTime windowEnd,
    @NotNull @TimeZoneId String timeZone,
    @PositiveOrZero Integer dailyQuota,
    @Size(max = MAX_BATCHES) @UniqueElements List<@NotNull UUID> batchIds,
    @Size(max = MAX_WAVES) List<@NotNull @Valid CampaignWaveRequest> waves,
    Map<@OneOf({"sms", "whatsapp"}) String, @NotNull @PositiveOrZero Integer> messageQuotas,
    @io.swagger.v3.oas.annotations.media.Schema(description = "Limits on top of the batches' policies. They apply to"
        + " every attached batch and its waves at once, while the campaign is still a draft too (its batches will run"
        + " under them and may already be calling); a draft cancelled before it was scheduled stops applying them.")
    @Valid dev.vocero.api.calls.ContactPolicyRequest contactPolicy)
    implements DateOrder.Span, WindowOrder.Window {

  static final int MAX_BATCHES = 50;
  static final int MAX_WAVES = 20;

  /** The batches, none when left out. */
  public List<UUID> batches() {
    return batchIds == null ? List.of() : List.copyOf(batchIds);
  }

  public List<CampaignWaveRequest> waveList() {
    return waves == null ? List.of() : waves;
  }

  /** Weekday names, sorted Monday first and without repeats, as stored. */
  public List<String> weekdayNames() {
    return weekdays.stream().distinct().sorted().map(DayOfWeek::name).toList();
  }

  /** The campaign's own contact limits, or null when it adds none. */
  public dev.vocero.domain.compliance.PolicySettings policySettings() {
    return contactPolicy == null || contactPolicy.settings().empty() ? null : contactPolicy.settings();
  }

  public int quota() {
    return dailyQuota == null ? 0 : dailyQuota;
  }

  /** Per channel, sorted; none when left out. */
  public Map<String, Integer> quotas() {
    return messageQuotas == null ? Map.of() : new java.util.TreeMap<>(messageQuotas);
  }
}
