package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.Violations;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.api.messaging.MessageViews;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.WaitingMessageDao;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.messaging.WaveRow;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.campaigns.AddBatch;
import dev.vocero.workflows.campaigns.CampaignBatch;
import dev.vocero.workflows.campaigns.CampaignCalendar;
import dev.vocero.workflows.campaigns.CampaignInput;
import dev.vocero.workflows.campaigns.CampaignProgress;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import dev.vocero.workflows.campaigns.CampaignState;
import dev.vocero.workflows.messaging.Channel;
import dev.vocero.workflows.campaigns.CampaignWave;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Campaigns: drafts edited freely, then scheduled (the workflow starts), paused, resumed, cancelled, extended. */
public class CampaignService {
  private static final Set<String> LIVE = Set.of(CampaignState.SCHEDULED.wire(), CampaignState.RUNNING.wire(), CampaignState.PAUSED.wire());

  private final Jdbi jdbi;
  private final CampaignWorkflows workflows;
  private final ObjectMapper json;
  private final Clock clock;
  private final Validator validator;

  private final CampaignPolicy policies;
  private final AuditTrail audit;

  public CampaignService(Jdbi jdbi, CampaignWorkflows workflows, ObjectMapper json, Clock clock, Validator validator) {
    this.policies = new CampaignPolicy(json);
    this.audit = new AuditTrail(jdbi);
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.json = json;
    this.clock = clock;
    this.validator = validator;
  }

  public CampaignViews.Campaign create(VoceroPrincipal caller, UUID id, CampaignRequest request) {
    CampaignPolicy.requireAdminForOverride(caller, request.policySettings());
    CampaignViews.Campaign created = jdbi.inTransaction(handle -> {
      checkBatches(handle, caller.orgId(), id, request.batches());
      checkPolicy(handle, caller.orgId(), request);
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      dao.insert(id, caller.orgId(), request.name().trim(), request.startDate(), request.endDate(),
          request.weekdayNames(), request.windowStart(), request.windowEnd(), request.timeZone(), request.quota(),
          write(request.quotas()), caller.userId());
      dao.setContactPolicy(caller.orgId(), id, request.policySettings() == null ? null
          : request.policySettings().toJson());
      dao.attach(id, caller.orgId(), request.batches());
      insertWaves(handle, caller, id, request.waveList());
      return view(handle, caller.orgId(), id, false);
    });
    auditOverride(caller, id, request, 201);
    return created;
  }

  /** A campaign's contactPolicy is stricter than each batch's jurisdiction, and no batch is looser than it. */
  private void checkPolicy(Handle handle, UUID orgId, CampaignRequest request) {
    List<ApiError.Detail> problems = policies.problems(handle, orgId, request.policySettings(), request.batches(),
        i -> "batchIds[" + i + "]");
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_campaign", Violations.message(problems), problems, null);
    }
  }

  /** An administrator's override of the jurisdictions' policies goes to the audit trail with its reason. */
  private void auditOverride(VoceroPrincipal caller, UUID id, CampaignRequest request, int status) {
    PolicySettings policy = request.policySettings();
    if (policy != null && policy.overridden()) {
      audit.record(caller, "campaigns.policy_override", "campaigns", id.toString(),
          "{\"after\":{\"contactPolicy\":" + policy.toJson() + "}}", status, null);
    }
  }

  public CampaignViews.Campaign update(VoceroPrincipal caller, UUID id, CampaignRequest request) {
    CampaignPolicy.requireAdminForOverride(caller, request.policySettings());
    CampaignViews.Campaign updated = jdbi.inTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      requireDraft(lock(dao, caller, id), "edited");
      checkBatches(handle, caller.orgId(), id, request.batches());
      checkPolicy(handle, caller.orgId(), request);
      dao.updateDraft(id, caller.orgId(), request.name().trim(), request.startDate(), request.endDate(),
          request.weekdayNames(), request.windowStart(), request.windowEnd(), request.timeZone(), request.quota(),
          write(request.quotas()));
      dao.setContactPolicy(caller.orgId(), id, request.policySettings() == null ? null
          : request.policySettings().toJson());
      SharedDaos.attach(handle, WaveDao.class).deleteHeldOfCampaign(caller.orgId(), id);
      dao.detachAll(caller.orgId(), id);
      dao.attach(id, caller.orgId(), request.batches());
      insertWaves(handle, caller, id, request.waveList());
      return view(handle, caller.orgId(), id, false);
    });
    auditOverride(caller, id, request, 200);
    return updated;
  }

  public Page<CampaignViews.Campaign> list(VoceroPrincipal caller, PageRequest page) {
    return jdbi.withHandle(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      return page.of(dao.list(caller.orgId(), page.pageSize(), page.offset()).stream()
          .map(row -> CampaignViews.Campaign.of(row, dao.batchIds(caller.orgId(), row.id()),
              waves(handle, caller.orgId(), row.id()), quotas(row), null,
              PolicySettings.fromJson(dao.contactPolicy(caller.orgId(), row.id()).orElse(null)))).toList(),
          dao.count(caller.orgId()));
    });
  }

  /** The campaign with the live progress of its workflow while it is scheduled, running or paused. */
  public CampaignViews.Campaign get(VoceroPrincipal caller, UUID id) {
    return jdbi.withHandle(handle -> view(handle, caller.orgId(), id, true));
  }

  public List<CampaignViews.Day> days(VoceroPrincipal caller, UUID id) {
    return jdbi.withHandle(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      find(dao, caller, id);
      return dao.days(caller.orgId(), id).stream().map(d -> new CampaignViews.Day(d.day(), d.callsStarted(),
          d.callsFinished(), readTree(d.finishedByDisposition()), d.messagesSent(), readTree(d.messagesByStatus())))
          .toList();
    });
  }

  public void delete(VoceroPrincipal caller, UUID id) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      requireDraft(lock(dao, caller, id), "deleted");
      dao.deleteDraft(caller.orgId(), id);
    });
  }

  /** draft → scheduled: starts the campaign's workflow; the row changes only if the start succeeded. */
  public void schedule(VoceroPrincipal caller, UUID id) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      CampaignRow row = requireDraft(lock(dao, caller, id), "scheduled");
      List<UUID> batchIds = dao.batchIds(caller.orgId(), id);
      if (batchIds.isEmpty()) {
        throw ApiException.unprocessable("no_batches", "Attach at least one batch (batchIds) before scheduling.");
      }
      CampaignSchedule schedule = schedule(row);
      if (new CampaignCalendar(schedule).next(clock.instant()).isEmpty()) {
        throw ApiException.unprocessable("schedule_over",
            "The schedule has no window left: its last active day's window has already closed. Move endDate.");
      }
      List<CampaignBatch> batches = new ArrayList<>();
      for (UUID batchId : batchIds) {
        batches.add(CampaignBatch.attached(batchId, settings(handle, caller.orgId(), batchId)));
      }
      List<CampaignWave> waves = new ArrayList<>();
      for (WaveRow wave : SharedDaos.attach(handle, WaveDao.class).ofCampaign(caller.orgId(), id)) {
        waves.add(CampaignWave.attached(wave.id(), Channel.fromWire(wave.channel()), wave.perMinute(), wave.sourceBatchId(),
            wave.disposition() != null));
      }
      dao.schedule(caller.orgId(), id);
      workflows.start(CampaignInput.first(caller.orgId(), id, schedule, row.dailyQuota(), batches, waves,
          quotas(row)));
    });
  }

  public CampaignProgress pause(VoceroPrincipal caller, UUID id) {
    requireLive(caller, id, "paused");
    return workflows.pause(id);
  }

  public CampaignProgress resume(VoceroPrincipal caller, UUID id) {
    requireLive(caller, id, "resumed");
    return workflows.resume(id);
  }

  /** A draft is cancelled at once (true); a live campaign is told to stop and shows cancelled later (false). */
  public boolean cancel(VoceroPrincipal caller, UUID id) {
    CampaignRow row = SharedDaos.of(jdbi).with(CampaignDao.class, dao -> find(dao, caller, id));
    if (CampaignState.DRAFT.wire().equals(row.state())) {
      SharedDaos.of(jdbi).use(CampaignDao.class, dao -> dao.cancelDraft(caller.orgId(), id));
      return true;
    }
    requireLive(caller, id, "cancelled");
    workflows.cancel(id, "cancelled by " + caller.userId());
    return false;
  }

  /** A batch of the same organisation, not part of any campaign yet; a live campaign adopts it at once. */
  public void addBatch(VoceroPrincipal caller, UUID id, UUID batchId) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      CampaignRow row = lock(dao, caller, id);
      checkBatches(handle, caller.orgId(), id, List.of(batchId));
      if (dao.batchIds(caller.orgId(), id).contains(batchId)) {
        throw ApiException.conflict("batch_attached", "Batch " + batchId + " is already part of this campaign.");
      }
      List<ApiError.Detail> problems = policies.problems(handle, caller.orgId(),
          PolicySettings.fromJson(dao.contactPolicy(caller.orgId(), id).orElse(null)), List.of(batchId), i -> "batchId");
      if (!problems.isEmpty()) {
        throw new ApiException(422, "invalid_batch", Violations.message(problems), problems, null);
      }
      dao.attach(id, caller.orgId(), List.of(batchId));
      if (LIVE.contains(row.state())) {
        workflows.addBatch(id, new AddBatch(batchId, settings(handle, caller.orgId(), batchId)));
      } else if (!CampaignState.DRAFT.wire().equals(row.state())) {
        throw ApiException.conflict("campaign_state", "The campaign has ended (" + row.state() + ").");
      }
    });
  }

  /**
   * A wave, also while the campaign runs; its batch must be one of the campaign's. Stored held; a live campaign starts
   * it in its next window. Its fields and its batch are checked together: one 422 {@code invalid_wave} lists both.
   */
  public void addWave(VoceroPrincipal caller, UUID id, CampaignWaveRequest wave) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      CampaignRow row = lock(dao, caller, id);
      if (!CampaignState.DRAFT.wire().equals(row.state()) && !LIVE.contains(row.state())) {
        throw ApiException.conflict("campaign_state", "The campaign has ended (" + row.state() + ").");
      }
      checkWave(wave, dao.batchIds(caller.orgId(), id));
      UUID waveId = insertWaves(handle, caller, id, List.of(wave)).get(0);
      if (LIVE.contains(row.state())) {
        workflows.addWave(id, CampaignWave.attached(waveId, Channel.fromWire(wave.channel()), wave.rate(), wave.batchId(),
            wave.dispositionWire() != null));
      }
    });
  }

  private void checkWave(CampaignWaveRequest wave, List<UUID> batchIds) {
    List<ApiError.Detail> problems = new ArrayList<>(Violations.unprocessable(validator.validate(wave),
        CampaignWaveRequest.class).details());
    if (wave.batchId() != null && !batchIds.contains(wave.batchId())) {
      problems.add(new ApiError.Detail("batchId", "not_in_campaign",
          "must be one of the campaign's batchIds: a wave messages the contacts of one of its batches"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_wave", Violations.message(problems), problems, null);
    }
  }

  private List<UUID> insertWaves(Handle handle, VoceroPrincipal caller, UUID campaignId,
      List<CampaignWaveRequest> waves) {
    WaveDao dao = SharedDaos.attach(handle, WaveDao.class);
    List<UUID> ids = new ArrayList<>();
    for (CampaignWaveRequest wave : waves) {
      UUID waveId = UUID.randomUUID();
      dao.insertHeld(waveId, caller.orgId(), wave.name().trim(), wave.channel(), wave.text(), wave.contentSid(),
          wave.contentVariables() == null ? null : write(wave.contentVariables()), wave.batchId(),
          wave.dispositionWire(), wave.rate(), campaignId, caller.userId());
      ids.add(waveId);
    }
    return ids;
  }

  private Map<String, Integer> quotas(CampaignRow row) {
    return row.messageQuotaMap(json);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireLive(VoceroPrincipal caller, UUID id, String verb) {
    CampaignRow row = SharedDaos.of(jdbi).with(CampaignDao.class, dao -> find(dao, caller, id));
    if (!LIVE.contains(row.state())) {
      throw ApiException.conflict("campaign_state", "A " + row.state() + " campaign cannot be " + verb
          + (CampaignState.DRAFT.wire().equals(row.state()) ? "; schedule it first." : "."));
    }
  }

  private static CampaignRow requireDraft(CampaignRow row, String verb) {
    if (!CampaignState.DRAFT.wire().equals(row.state())) {
      throw ApiException.conflict("campaign_state", "Only a draft campaign can be " + verb + "; this one is "
          + row.state() + ".");
    }
    return row;
  }

  /** Each batch must exist in the caller's organisation, still be open, and belong to no other campaign. */
  private static void checkBatches(Handle handle, UUID orgId, UUID campaignId, List<UUID> batchIds) {
    if (batchIds.isEmpty()) {
      return;
    }
    BatchDao batches = SharedDaos.attach(handle, BatchDao.class);
    List<UUID> taken = SharedDaos.attach(handle, CampaignDao.class).takenBatches(campaignId, batchIds);
    List<ApiError.Detail> problems = new ArrayList<>();
    for (int i = 0; i < batchIds.size(); i++) {
      UUID batchId = batchIds.get(i);
      String field = "batchIds[" + i + "]";
      BatchRow batch = batches.find(orgId, batchId).orElse(null);
      if (batch == null) {
        problems.add(new ApiError.Detail(field, "not_found", "no batch " + batchId + " in your organisation"));
      } else if (!"running".equals(batch.status()) && !"paused".equals(batch.status())) {
        problems.add(new ApiError.Detail(field, "batch_ended", "batch " + batchId + " is " + batch.status()));
      } else if (taken.contains(batchId)) {
        problems.add(new ApiError.Detail(field, "batch_taken", "batch " + batchId + " belongs to another campaign"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_batches", "Some batches cannot be part of this campaign; see details.",
          problems, null);
    }
  }

  private BatchSettings settings(Handle handle, UUID orgId, UUID batchId) {
    BatchRow batch = SharedDaos.attach(handle, BatchDao.class).find(orgId, batchId)
        .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
    try {
      return json.readValue(batch.settings(), BatchSettings.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CampaignViews.Campaign view(Handle handle, UUID orgId, UUID id, boolean live) {
    CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
    CampaignRow row = dao.find(orgId, id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
    CampaignProgress progress = live && LIVE.contains(row.state()) ? workflows.progress(id) : null;
    return CampaignViews.Campaign.of(row, dao.batchIds(orgId, id), waves(handle, orgId, id), quotas(row), progress, PolicySettings.fromJson(dao.contactPolicy(orgId, id).orElse(null)));
  }

  /** The campaign's waves, each with its messages by state as the wave's own endpoint counts them. */
  private static List<CampaignViews.Wave> waves(Handle handle, UUID orgId, UUID campaignId) {
    MessageDao messages = SharedDaos.attach(handle, MessageDao.class);
    WaitingMessageDao waiting = SharedDaos.attach(handle, WaitingMessageDao.class);
    return SharedDaos.attach(handle, WaveDao.class).ofCampaign(orgId, campaignId).stream()
        .map(wave -> CampaignViews.Wave.of(wave, MessageViews.byState(messages.waveCounts(orgId, wave.id())),
            waiting.byRule(orgId, wave.id()).stream().map(w -> new CampaignViews.Waiting(w.ruleId(), w.messages(),
                w.from(), w.until())).toList()))
        .toList();
  }

  private static CampaignSchedule schedule(CampaignRow row) {
    return new CampaignSchedule(row.startDate().toString(), row.endDate().toString(), row.weekdays(),
        row.windowStart().toString(), row.windowEnd().toString(), row.timeZone());
  }

  private static CampaignRow find(CampaignDao dao, VoceroPrincipal caller, UUID id) {
    return dao.find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
  }

  private static CampaignRow lock(CampaignDao dao, VoceroPrincipal caller, UUID id) {
    return dao.lock(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
  }

  private JsonNode readTree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
