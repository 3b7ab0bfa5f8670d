package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.api.calls.BatchViews;
import dev.vocero.api.calls.CampaignSlots;
import dev.vocero.api.calls.LaunchPreview;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.domain.calls.ContactTemplate;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.domain.messaging.SmsSegments;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.messaging.WaveRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a campaign can cost at most, before it is scheduled: each batch as its own estimate (every contact reaching
 * every attempt at the reserved length) plus each wave (every contact of its batch messaged — fewer when the wave picks
 * contacts by outcome — at the price of the longest of its first {@value #SAMPLE} rendered messages); each with a
 * preview of its persons under the batch's contact policy (docs/compliance/README.md, "Preview").
 */
@Path("/api/v1/campaigns/{id}/estimate")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignEstimateResource {
  static final int SAMPLE = 200;
  private static final int PAGE = 1000;

  private final Jdbi jdbi;
  private final CreditPrices prices;
  private final ObjectMapper json;

  public CampaignEstimateResource(Jdbi jdbi, CreditPrices prices, ObjectMapper json) {
    this.jdbi = jdbi;
    this.prices = prices;
    this.json = json;
  }

  /** {@code upTo}: the wave messages only contacts with one call outcome, so it will send at most this many. */
  /** {@code preview}: when its persons could first be messaged under the batch's policy, or what blocks them. */
  public record WaveEstimate(UUID waveId, String channel, long recipients, boolean upTo, int segmentsPerMessage,
      long creditsPerMessage, long credits, BatchViews.Preview preview) {}

  /**
   * {@code preview}: when its persons could first be called under the batch's policy and the campaign's, or what
   * blocks them, with the retries its settings would make (docs/compliance/README.md, "Preview").
   */
  public record BatchEstimate(UUID batchId, long contacts, long attempts, int minutesPerAttempt, long credits,
      BatchViews.Preview preview) {}

  /** {@code sufficient}: the available credits cover the worst case (always true when credits are not enforced). */
  public record Estimate(UUID campaignId, List<BatchEstimate> batches, List<WaveEstimate> waves, long callCredits,
      long messageCredits, long credits, long available, boolean enforced, boolean sufficient) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Estimate estimate(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return jdbi.inTransaction(handle -> {
      CampaignDao campaigns = SharedDaos.attach(handle, CampaignDao.class);
      CampaignRow row = campaigns.find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
      CampaignSlots slots = slots(row); // shared by its batches and waves, as its quotas are
      List<BatchEstimate> batches = new ArrayList<>();
      for (UUID batchId : campaigns.batchIds(caller.orgId(), id)) {
        BatchRow batch = batch(handle, caller.orgId(), batchId);
        CreditPrices.CallEstimate calls = prices.estimateCalls(batch.contactsCount(), attempts(batch));
        batches.add(new BatchEstimate(batchId, calls.contacts(), calls.attempts(), calls.minutesPerAttempt(),
            calls.credits(), preview(handle, caller.orgId(), batch, ContactChannel.CALL, null, slots)));
      }
      List<WaveEstimate> waves = new ArrayList<>();
      for (WaveRow wave : SharedDaos.attach(handle, WaveDao.class).ofCampaign(caller.orgId(), id)) {
        waves.add(wave(handle, caller.orgId(), wave, slots));
      }
      long callCredits = batches.stream().mapToLong(BatchEstimate::credits).sum();
      long messageCredits = waves.stream().mapToLong(WaveEstimate::credits).sum();
      CreditAccount account = new CreditLedger(jdbi).account(caller.orgId())
          .orElseThrow(() -> ApiException.notFound("Organization"));
      long total = callCredits + messageCredits;
      return new Estimate(id, batches, waves, callCredits, messageCredits, total, account.available(),
          account.enforced(), !account.enforced() || account.available() >= total);
    });
  }

  private WaveEstimate wave(Handle handle, UUID orgId, WaveRow wave, CampaignSlots slots) {
    BatchRow batch = batch(handle, orgId, wave.sourceBatchId());
    int segments = 1;
    if ("sms".equals(wave.channel()) && wave.body() != null) {
      for (ContactRow contact : SharedDaos.attach(handle, ContactDao.class).list(orgId, batch.id(), null, null, SAMPLE, 0)) {
        segments = Math.max(segments, SmsSegments.segments(ContactTemplate.render(wave.body(),
            ContactTemplate.variables(contact.variables(), contact.name(), contact.amount(), contact.dueDate(),
                contact.document(), json))));
      }
    }
    long each = prices.messageCost(wave.channel(), wave.contentSid() != null, segments);
    return new WaveEstimate(wave.id(), wave.channel(), batch.contactsCount(), wave.disposition() != null, segments,
        each, each * batch.contactsCount(), preview(handle, orgId, batch, ContactChannel.fromWire(wave.channel()),
            wave.disposition(), slots));
  }

  /** A dry run of the gate for the batch's persons (those with {@code disposition}, when given); nothing is stored. */
  private BatchViews.Preview preview(Handle handle, UUID orgId, BatchRow batch, ContactChannel channel,
      String disposition, CampaignSlots slots) {
    LaunchPreview preview = new LaunchPreview();
    ContactDao contacts = SharedDaos.attach(handle, ContactDao.class);
    for (int offset = 0; ; offset += PAGE) {
      List<ContactRow> page = contacts.list(orgId, batch.id(), null, disposition, PAGE, offset);
      page.forEach(preview::add);
      if (page.size() < PAGE) {
        break;
      }
    }
    try {
      JsonNode settings = json.readTree(batch.settings());
      List<String> windows = new ArrayList<>();
      settings.path("customWindows").forEach(rule -> windows.add(rule.asText()));
      ContactPolicy policy = ContactPolicies.forBatch(settings.path("jurisdiction").asText(null), windows,
          PolicySettings.fromJson(SharedDaos.attach(handle, CampaignDao.class).contactPolicyOfBatch(orgId, batch.id())
              .orElse(null)),
          PolicySettings.fromJson(SharedDaos.attach(handle, BatchDao.class).contactPolicy(orgId, batch.id()).orElse(null)),
          PolicySettings.fromJson(SharedDaos.attach(handle, OrganizationDao.class)
              .customContactPolicy(orgId).orElse(null)));
      long deadline = settings.path("deadlineEpochMs").asLong(0);
      return preview.preview(jdbi, orgId, policy, channel, Instant.now(),
          deadline > 0 ? Instant.ofEpochMilli(deadline) : null, channel == ContactChannel.CALL ? retries(settings) : null,
          slots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The campaign's windows and daily quotas, for the previews: as if it were scheduled now. */
  private CampaignSlots slots(CampaignRow row) {
    return new CampaignSlots(new CampaignSchedule(row.startDate().toString(), row.endDate().toString(),
        row.weekdays(), row.windowStart().toString(), row.windowEnd().toString(), row.timeZone()), row.dailyQuota(),
        row.messageQuotaMap(json));
  }

  /** The batch's retry settings as stored (the workflow's BatchSettings JSON). */
  private static LaunchPreview.Retries retries(JsonNode settings) {
    java.util.Map<String, Long> delays = new java.util.LinkedHashMap<>();
    settings.path("retryDelaySeconds").fields().forEachRemaining(e -> delays.put(e.getKey(), e.getValue().asLong()));
    return new LaunchPreview.Retries(settings.path("maxAttempts").asInt(1), delays);
  }

  private static BatchRow batch(Handle handle, UUID orgId, UUID batchId) {
    return SharedDaos.attach(handle, BatchDao.class).find(orgId, batchId)
        .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
  }

  private int attempts(BatchRow batch) {
    try {
      return json.readTree(batch.settings()).path("maxAttempts").asInt(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
