package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.compliance.CallingWindows;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.compliance.PolicyTightening;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A campaign's {@code contactPolicy} against its batches (docs/compliance/README.md, "A campaign's policy"): stricter
 * than every batch's jurisdiction unless an administrator overrides it, and no batch of the campaign looser than it.
 */
final class CampaignPolicy {
  private final ObjectMapper json;

  CampaignPolicy(ObjectMapper json) {
    this.json = json;
  }

  /** Only an administrator may loosen the jurisdictions' policies for a campaign. */
  static void requireAdminForOverride(VoceroPrincipal caller, PolicySettings settings) {
    if (settings != null && settings.overridden() && caller.role() != Role.ADMIN) {
      throw new ApiException(403, "forbidden", "Only an administrator may override the contact policy.",
          List.of(new ApiError.Detail("contactPolicy.override", "forbidden", "requires role admin")), null);
    }
  }

  /**
   * Every problem of {@code settings} with the batches: windows that do not parse, a value looser than a batch's
   * jurisdiction ({@code contactPolicy.<field>}), a batch whose own contactPolicy is looser than the campaign's
   * (the field {@code batchField} names for the batch's position).
   */
  List<ApiError.Detail> problems(Handle handle, UUID orgId, PolicySettings settings, List<UUID> batchIds,
      java.util.function.IntFunction<String> batchField) {
    List<ApiError.Detail> problems = new ArrayList<>();
    if (settings != null && settings.windows() != null) {
      try {
        CallingWindows.custom(settings.windows(), null);
      } catch (IllegalArgumentException e) {
        problems.add(new ApiError.Detail("contactPolicy.windows", "calling_window", e.getMessage()));
        return problems;
      }
    }
    Map<String, ApiError.Detail> looser = new LinkedHashMap<>();
    BatchDao batches = SharedDaos.attach(handle, BatchDao.class);
    for (int i = 0; i < batchIds.size(); i++) {
      BatchRow batch = batches.find(orgId, batchIds.get(i)).orElse(null);
      if (batch == null) {
        continue; // reported by the batch checks
      }
      Base base = base(batch);
      if (settings != null && !settings.overridden()) {
        PolicyTightening.loosenings(ContactPolicies.forBatch(base.jurisdiction, base.customWindows, null), settings,
            base.hours()).forEach(l -> looser.putIfAbsent(l.field(), new ApiError.Detail("contactPolicy." + l.field(),
                "looser_than_policy", l.message())));
      }
      PolicySettings own = PolicySettings.fromJson(batches.contactPolicy(orgId, batch.id()).orElse(null));
      if (settings != null && own != null && !own.empty()) {
        String field = batchField.apply(i);
        ContactPolicy campaign = ContactPolicies.forBatch(base.jurisdiction, base.customWindows, settings, null);
        List<String> hours = settings.windows() != null && !settings.windows().isEmpty() ? settings.windows()
            : base.hours();
        PolicyTightening.loosenings(campaign, own, hours).stream().findFirst().ifPresent(l -> problems.add(
            new ApiError.Detail(field, "looser_than_policy", "batch " + batch.id() + ": its contactPolicy."
                + l.field() + " " + l.message().replace("send an override to loosen it",
                "a batch may not be looser than its campaign"))));
      }
    }
    problems.addAll(looser.values());
    problems.sort(Comparator.comparing(ApiError.Detail::field));
    return problems;
  }

  private record Base(String jurisdiction, List<String> customWindows) {
    List<String> hours() {
      return ContactPolicies.CUSTOM.equals(jurisdiction) ? customWindows : ContactPolicies.windowRules(jurisdiction);
    }
  }

  private Base base(BatchRow batch) {
    try {
      JsonNode settings = json.readTree(batch.settings());
      List<String> windows = new ArrayList<>();
      settings.path("customWindows").forEach(rule -> windows.add(rule.asText()));
      String code = settings.path("jurisdiction").asText("US");
      return new Base(code.isBlank() ? "US" : code.toUpperCase(java.util.Locale.ROOT), windows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
