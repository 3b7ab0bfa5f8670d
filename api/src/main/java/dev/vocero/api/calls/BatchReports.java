package dev.vocero.api.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.spreadsheets.BatchReportWriter;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.store.calls.ReportDao;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The Excel report of a batch: the domain's streaming writer, fed page by page from one database snapshot. */
public final class BatchReports {
  private static final int PAGE = 500;
  private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final ObjectMapper json;

  public BatchReports(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Streams the xlsx report of {@code batch}, already checked to belong to the caller's organization. */
  public void write(BatchRow batch, OutputStream out) throws IOException {
    // The snapshot is closed before the download starts: a slow client holds temporary files, not a connection.
    try (BatchReportWriter report = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> build(h, batch))) {
      report.writeTo(out);
    }
  }

  private BatchReportWriter build(Handle handle, BatchRow requested) {
    BatchDao batches = SharedDaos.attach(handle, BatchDao.class);
    BatchRow batch = batches.find(requested.orgId(), requested.id()).orElse(requested);
    BatchReportWriter report = new BatchReportWriter(new BatchReportWriter.Summary(batch.name(), batch.status(),
        batch.createdAt(), batch.completedAt(), batch.contactsCount(), batch.rejectedCount(), batch.started(), batch.finished(),
        batches.countsByDisposition(batch.orgId(), batch.id()),
        PolicySettings.fromJson(batches.contactPolicy(batch.orgId(), batch.id()).orElse(null))));
    try {
      ReportDao dao = SharedDaos.attach(handle, ReportDao.class);
      addCalls(dao, batch, report);
      addRejected(dao, batch, report);
      return report;
    } catch (RuntimeException e) {
      report.close();
      throw e;
    }
  }

  private static void addCalls(ReportDao dao, BatchRow batch, BatchReportWriter report) {
    List<ContactRow> page = dao.contactsAfter(batch.orgId(), batch.id(), 0, PAGE);
    while (!page.isEmpty()) {
      long from = page.get(0).id();
      long to = page.get(page.size() - 1).id();
      Map<Long, List<AttemptRow>> attempts = dao.attemptsBetween(batch.orgId(), batch.id(), from, to).stream()
          .collect(Collectors.groupingBy(AttemptRow::contactId));
      Map<Long, DecisionDao.Decision> decisions = dao.lastDecisionsBetween(batch.orgId(), batch.id(), from, to).stream()
          .collect(Collectors.toMap(DecisionDao.Decision::contactId, Function.identity()));
      for (ContactRow contact : page) {
        report.addCall(call(contact, attempts.getOrDefault(contact.id(), List.of()), decisions.get(contact.id())));
      }
      page = page.size() < PAGE ? List.of() : dao.contactsAfter(batch.orgId(), batch.id(), to, PAGE);
    }
  }

  private static BatchReportWriter.Call call(ContactRow c, List<AttemptRow> attempts, DecisionDao.Decision last) {
    return new BatchReportWriter.Call(c.rowNumber(), c.name(), c.phones(), c.timeZone(), c.status(), c.finalDisposition(),
        c.attempts(), attempts.stream().map(a -> new BatchReportWriter.Attempt(a.attemptNumber(), a.phoneIndex(),
            a.disposition(), a.placedAt(), a.durationSeconds())).toList(),
        last == null ? null : last.decision(), last == null ? null : last.reason(), c.amount(), c.dueDate());
  }

  private void addRejected(ReportDao dao, BatchRow batch, BatchReportWriter report) {
    List<ReportDao.RejectedRow> page = dao.rejectedAfter(batch.orgId(), batch.id(), 0, PAGE);
    while (!page.isEmpty()) {
      for (ReportDao.RejectedRow row : page) {
        report.addRejected(rejected(row));
      }
      page = page.size() < PAGE ? List.of()
          : dao.rejectedAfter(batch.orgId(), batch.id(), page.get(page.size() - 1).rowNumber(), PAGE);
    }
  }

  /** Issues are stored as the API's ContactLists.Issue JSON: {row, column, code, message}. */
  private BatchReportWriter.Rejected rejected(ReportDao.RejectedRow row) {
    try {
      List<BatchReportWriter.Issue> issues = new ArrayList<>();
      for (JsonNode issue : json.readTree(row.issues())) {
        issues.add(new BatchReportWriter.Issue(issue.path("column").asText(null), issue.path("code").asText(""),
            issue.path("message").asText("")));
      }
      return new BatchReportWriter.Rejected(row.rowNumber(), issues, json.readValue(row.rowValues(), VALUES));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
