package dev.vocero.api.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.JsonExceptionMapper;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import jakarta.validation.Validator;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A contact list becoming a batch: read and validate every row, store the batch, its contacts and
 * rejected rows in one transaction, then start the workflow. If the workflow cannot start, nothing stays.
 */
public class BatchImport {
  static final int REPORTED_REJECTIONS = 200;
  private static final int CHUNK = 1_000;

  private final Jdbi jdbi;
  private final ContactLists lists;
  private final BatchWorkflows workflows;
  private final ObjectMapper json;
  private final int maxRows;
  private final Validator validator;
  private final AuditTrail audit;

  public BatchImport(Jdbi jdbi, ContactLists lists, BatchWorkflows workflows, ObjectMapper json, int maxRows,
      Validator validator, AuditTrail audit) {
    this.audit = audit;
    this.jdbi = jdbi;
    this.lists = lists;
    this.workflows = workflows;
    this.json = json;
    this.maxRows = maxRows;
    this.validator = validator;
  }

  /**
   * The multipart {@code settings} field: a JSON object, or the defaults when left out. A value of the wrong type is
   * 422 {@code invalid_settings} naming the field, like any other invalid setting.
   */
  public BatchSettingsRequest settings(String settings) {
    if (settings == null || settings.isBlank()) {
      return BatchSettingsRequest.defaults();
    }
    try {
      return json.readValue(settings, BatchSettingsRequest.class);
    } catch (JsonProcessingException e) {
      ApiError error = JsonExceptionMapper.error(e);
      String message = error.details().isEmpty() || "unknown_field".equals(error.code())
          ? "The 'settings' field must be a JSON object with known keys: name, callsPerSecond, maxConcurrentCalls,"
              + " maxAttempts, retryDelaySeconds, jurisdiction, customWindows, defaultRegion, weeklyCapPerPhone,"
              + " answerTimeoutSeconds, deadline, script, scriptLanguage, agent, contactPolicy."
          : "The batch settings are not valid: " + error.message();
      throw new ApiException(422, "invalid_settings", message, error.details(), null);
    }
  }

  /** The validation report and the launch preview under the batch's policy; nothing is stored. */
  public BatchViews.DryRun dryRun(VoceroPrincipal caller, InputStream file, String filename,
      BatchSettingsRequest settings) {
    BatchSettings valid = settings.validate(validator, lists);
    requireAdminForOverride(caller, settings);
    List<ContactLists.Rejected> rejected = new ArrayList<>();
    PersonGrouping.Counter persons = new PersonGrouping.Counter();
    LaunchPreview preview = new LaunchPreview();
    ContactLists.Summary summary = read(file, filename, settings.region(), contact -> {
      persons.add(contact);
      preview.add(contact);
    }, r -> keep(rejected, r));
    ContactPolicy policy = ContactPolicies.forBatch(valid.jurisdiction(), valid.customWindows(), null,
        settings.policySettings(), PolicySettings.fromJson(SharedDaos.of(jdbi).with(
            OrganizationDao.class, dao -> dao.customContactPolicy(caller.orgId())).orElse(null)));
    return new BatchViews.DryRun(summary.format(), summary.rowsRead(), summary.accepted(), summary.rejected(),
        summary.columnMapping(), rejected, persons.grouping(), preview.preview(jdbi, caller.orgId(), policy,
            ContactChannel.CALL, Instant.now(), valid.deadlineEpochMs() > 0 ? Instant.ofEpochMilli(valid.deadlineEpochMs()) : null,
            new LaunchPreview.Retries(valid.maxAttempts(), valid.retryDelaySeconds()), null));
  }

  /** Only an administrator may loosen a jurisdiction's policy. */
  private static void requireAdminForOverride(VoceroPrincipal caller, BatchSettingsRequest settings) {
    PolicySettings policy = settings.policySettings();
    if (policy != null && policy.overridden() && caller.role() != Role.ADMIN) {
      throw new ApiException(403, "forbidden", "Only an administrator may override the contact policy.",
          List.of(new ApiError.Detail("contactPolicy.override", "forbidden", "requires role admin")), null);
    }
  }

  public BatchViews.Created create(VoceroPrincipal caller, InputStream file, String filename, BatchSettingsRequest request) {
    BatchSettings settings = request.validate(validator, lists);
    requireAdminForOverride(caller, request);
    UUID batchId = UUID.randomUUID();
    List<ContactLists.Rejected> reported = new ArrayList<>();
    PersonGrouping.Counter persons = new PersonGrouping.Counter();
    ContactLists.Summary summary = jdbi.inTransaction(handle -> store(handle, caller, batchId, file, filename, request,
        settings, reported, persons));
    try {
      workflows.start(caller.orgId(), batchId, settings);
    } catch (RuntimeException e) {
      SharedDaos.of(jdbi).use(BatchDao.class, dao -> dao.delete(caller.orgId(), batchId));
      throw e;
    }
    PolicySettings policy = request.policySettings();
    if (policy != null && policy.overridden()) {
      audit.record(caller, "batches.policy_override", "batches", batchId.toString(),
          "{\"after\":{\"contactPolicy\":" + policy.toJson() + "}}", 201, null);
    }
    return new BatchViews.Created(batchId, "running", summary.rowsRead(), summary.accepted(), summary.rejected(), reported,
        persons.grouping());
  }

  private ContactLists.Summary store(Handle handle, VoceroPrincipal caller, UUID batchId, InputStream file, String filename,
      BatchSettingsRequest request, BatchSettings settings, List<ContactLists.Rejected> reported,
      PersonGrouping.Counter persons) {
    String name = request.name() == null || request.name().isBlank() ? (filename == null ? "Batch" : filename) : request.name().trim();
    BatchDao batches = SharedDaos.attach(handle, BatchDao.class);
    batches.insert(batchId, caller.orgId(), name, write(settings), filename, null, 0, 0, 0, caller.userId());
    batches.updateScript(caller.orgId(), batchId, request.script(), request.language());
    if (request.policySettings() != null) {
      batches.setContactPolicy(caller.orgId(), batchId, request.policySettings().toJson());
    }
    if (request.agent() != null) {
      batches.updateAgent(caller.orgId(), batchId, write(request.validAgent()));
    }
    ContactDao contacts = SharedDaos.attach(handle, ContactDao.class);
    List<ContactDao.NewContact> chunk = new ArrayList<>(CHUNK);
    ContactLists.Summary summary = read(file, filename, request.region(), contact -> {
      persons.add(contact);
      chunk.add(contact);
      if (chunk.size() == CHUNK) {
        contacts.insertAll(caller.orgId(), batchId, chunk);
        chunk.clear();
      }
    }, rejected -> {
      keep(reported, rejected);
      handle.createUpdate("insert into batch_rejected_rows (batch_id, org_id, row_number, issues, row_values)"
              + " values (:b, :o, :r, cast(:i as jsonb), cast(:v as jsonb))")
          .bind("b", batchId).bind("o", caller.orgId()).bind("r", rejected.row())
          .bind("i", write(rejected.issues())).bind("v", write(rejected.values())).execute();
    });
    if (!chunk.isEmpty()) {
      contacts.insertAll(caller.orgId(), batchId, chunk);
    }
    SharedDaos.attach(handle, PersonDao.class).attachBatch(caller.orgId(), batchId);
    if (summary.accepted() == 0) {
      throw new ApiException(422, "no_valid_contacts", "None of the " + summary.rowsRead()
          + " rows is a contact we can call; see details.", details(reported), null);
    }
    handle.createUpdate("update call_batches set source_format = :f, rows_read = :r, contacts_count = :c, rejected_count = :x"
            + " where id = :id")
        .bind("f", summary.format()).bind("r", summary.rowsRead()).bind("c", summary.accepted())
        .bind("x", summary.rejected()).bind("id", batchId).execute();
    return summary;
  }

  private ContactLists.Summary read(InputStream file, String filename, String region,
      java.util.function.Consumer<ContactDao.NewContact> accepted, java.util.function.Consumer<ContactLists.Rejected> rejected) {
    try {
      return lists.read(file, filename, region, maxRows, accepted, rejected);
    } catch (ContactLists.ImportFailure e) { // a whole-file problem: the detail names the multipart field
      int status = switch (e.code()) {
        case "unsupported_format" -> 415;
        case "too_many_rows" -> 413;
        default -> 422;
      };
      throw new ApiException(status, e.code(), e.getMessage(),
          List.of(new ApiError.Detail("file", e.code(), e.getMessage())), null);
    }
  }

  private static void keep(List<ContactLists.Rejected> reported, ContactLists.Rejected rejected) {
    if (reported.size() < REPORTED_REJECTIONS) {
      reported.add(rejected);
    }
  }

  private static List<dev.vocero.api.errors.ApiError.Detail> details(List<ContactLists.Rejected> rejected) {
    List<dev.vocero.api.errors.ApiError.Detail> details = new ArrayList<>();
    for (ContactLists.Rejected r : rejected) {
      for (ContactLists.Issue issue : r.issues()) {
        details.add(new dev.vocero.api.errors.ApiError.Detail("row " + issue.row() + " " + issue.column(), issue.code(),
            issue.message()));
      }
    }
    return details;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
