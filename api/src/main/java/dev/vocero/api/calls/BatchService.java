package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audio.AudioViews;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.calls.CallRecordingDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.extraction.ExtractionDao;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.PaceChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Call batches once created: listing them and their calls, and steering their workflows. */
public class BatchService {
  private final Jdbi jdbi;
  private final BatchWorkflows workflows;
  private final ObjectMapper json;

  public BatchService(Jdbi jdbi, BatchWorkflows workflows, ObjectMapper json) {
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.json = json;
  }

  public Page<BatchViews.Summary> list(VoceroPrincipal caller, PageRequest page) {
    return SharedDaos.of(jdbi).with(BatchDao.class, dao -> page.of(
        dao.list(caller.orgId(), page.pageSize(), page.offset()).stream().map(BatchViews.Summary::of).toList(),
        dao.count(caller.orgId())));
  }

  /**
   * The batch and its counts. A running batch's started and finished come from the same count by status (the list
   * counts them in its own query): each count is a pass over the batch's contacts, and the console polls this.
   */
  public BatchViews.Detail get(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(BatchDao.class, dao -> {
      BatchRow batch = dao.findStored(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Batch " + id));
      Map<String, Long> byStatus = dao.countsByStatus(caller.orgId(), id);
      BatchViews.Summary summary = BatchViews.Summary.of(batch);
      if (!BatchViews.ENDED.contains(batch.status())) {
        long started = byStatus.entrySet().stream().filter(e -> !"pending".equals(e.getKey()))
            .mapToLong(Map.Entry::getValue).sum();
        summary = summary.withCounts((int) started, byStatus.getOrDefault("done", 0L).intValue());
      }
      return new BatchViews.Detail(summary, readTree(batch.settings()), byStatus,
          dao.countsByDisposition(caller.orgId(), id),
          dev.vocero.domain.compliance.PolicySettings.fromJson(dao.contactPolicy(caller.orgId(), id).orElse(null)));
    });
  }

  public Page<BatchViews.Call> calls(VoceroPrincipal caller, UUID id, String status, String disposition,
      PageRequest page) {
    find(caller, id);
    return jdbi.inTransaction(handle -> {
      ContactDao contacts = SharedDaos.attach(handle, ContactDao.class);
      AttemptDao attempts = SharedDaos.attach(handle, AttemptDao.class);
      Map<ContactRow, List<AttemptRow>> attemptsByContact = new LinkedHashMap<>();
      contacts.list(caller.orgId(), id, status, disposition, page.pageSize(), page.offset())
          .forEach(c -> attemptsByContact.put(c, attempts.listForContact(caller.orgId(), c.id())));
      Map<UUID, String> audioStatuses = audioStatuses(handle, caller.orgId(), attemptsByContact.values().stream()
          .flatMap(List::stream).map(AttemptRow::audioId).filter(Objects::nonNull).toList());
      return page.of(attemptsByContact.entrySet().stream()
          .map(e -> BatchViews.Call.of(e.getKey(), e.getValue(), audioStatuses)).toList(),
          contacts.count(caller.orgId(), id, status, disposition));
    });
  }

  /** One attempt of the batch: its outcome and, when recorded, the audio's status, transcript and opportunities. */
  public BatchViews.CallDetail call(VoceroPrincipal caller, UUID id, UUID attemptId) {
    find(caller, id);
    return jdbi.inTransaction(handle -> {
      AttemptRow attempt = SharedDaos.attach(handle, AttemptDao.class).find(caller.orgId(), attemptId)
          .filter(a -> a.batchId().equals(id))
          .orElseThrow(() -> ApiException.notFound("Call attempt " + attemptId + " of batch " + id));
      AudioViews.Detail audio = attempt.audioId() == null ? null : SharedDaos.attach(handle, AudioDao.class)
          .find(caller.orgId(), attempt.audioId())
          .map(a -> AudioViews.Detail.of(a, SharedDaos.attach(handle, TranscriptDao.class).list(caller.orgId(), a.id()),
              SharedDaos.attach(handle, OpportunityDao.class).list(caller.orgId(), a.id()),
              SharedDaos.attach(handle, ExtractionDao.class).list(caller.orgId(), a.id())))
          .orElse(null);
      Map<UUID, String> statuses = audio == null ? Map.of() : Map.of(audio.id(), audio.status());
      return new BatchViews.CallDetail(id, attempt.contactId(), BatchViews.Attempt.of(attempt, statuses), audio);
    });
  }

  public BatchProgress pause(VoceroPrincipal caller, UUID id) {
    find(caller, id);
    return workflows.pause(id);
  }

  public BatchProgress resume(VoceroPrincipal caller, UUID id) {
    find(caller, id);
    return workflows.resume(id);
  }

  public void cancel(VoceroPrincipal caller, UUID id) {
    find(caller, id);
    workflows.cancel(id, "cancelled by " + caller.userId());
  }

  /** Changes the running workflow's pace and stores it, so a batch started again after a restart keeps it. */
  public BatchProgress pace(VoceroPrincipal caller, UUID id, PaceChange change) {
    BatchRow batch = find(caller, id);
    BatchProgress progress = workflows.setPace(id, change);
    try {
      BatchSettings paced = json.readValue(batch.settings(), BatchSettings.class)
          .withPace(progress.callsPerSecond(), progress.maxConcurrentCalls());
      String settings = json.writeValueAsString(paced);
      SharedDaos.of(jdbi).use(BatchDao.class, dao -> dao.updateSettings(batch.orgId(), batch.id(), settings));
    } catch (IOException e) {
      throw new IllegalStateException("the batch's stored settings are not readable", e);
    }
    return progress;
  }

  private static Map<UUID, String> audioStatuses(Handle handle, UUID orgId, List<UUID> audioIds) {
    if (audioIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, String> statuses = new HashMap<>();
    SharedDaos.attach(handle, CallRecordingDao.class).statuses(orgId, audioIds).forEach(s -> statuses.put(s.id(), s.status()));
    return statuses;
  }

  private BatchRow find(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Batch " + id));
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
