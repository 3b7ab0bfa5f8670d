package dev.vocero.api.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.spreadsheets.CampaignReportWriter;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignReportDao;
import dev.vocero.store.campaigns.CampaignRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The Excel report of a campaign: the domain's workbook, fed from one database snapshot. */
public final class CampaignReports {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public CampaignReports(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** The whole xlsx of {@code campaign}, already checked to belong to the caller's organization. */
  public byte[] write(CampaignRow campaign, Instant generatedAt) {
    CampaignReportWriter.Report report = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
        handle -> read(handle, campaign, generatedAt));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CampaignReportWriter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private CampaignReportWriter.Report read(Handle handle, CampaignRow requested, Instant generatedAt) {
    UUID orgId = requested.orgId();
    CampaignRow campaign = SharedDaos.attach(handle, CampaignDao.class).find(orgId, requested.id()).orElse(requested);
    CampaignReportDao dao = SharedDaos.attach(handle, CampaignReportDao.class);
    CampaignReportDao.Extras extras = dao.extras(orgId, campaign.id()).orElse(new CampaignReportDao.Extras("{}", null));
    CampaignReportWriter.Summary summary = new CampaignReportWriter.Summary(campaign.name(), campaign.state(),
        extras.pauseReason(), new CampaignReportWriter.Schedule(campaign.startDate(), campaign.endDate(),
            campaign.weekdays(), campaign.windowStart(), campaign.windowEnd(), campaign.timeZone()),
        campaign.dailyQuota(), counts(extras.messageQuotas()), campaign.createdAt(),
        campaign.scheduledAt(), campaign.endedAt(), dao.messagesByState(orgId, campaign.id()), generatedAt,
        dev.vocero.domain.compliance.PolicySettings.fromJson(SharedDaos.attach(handle, CampaignDao.class)
            .contactPolicy(orgId, campaign.id()).orElse(null)));
    List<CampaignReportWriter.Day> days = dao.days(orgId, campaign.id()).stream()
        .map(d -> new CampaignReportWriter.Day(d.day(), d.callsStarted(), d.callsFinished(),
            counts(d.finishedByDisposition()), d.messagesSent(), counts(d.messagesByStatus())))
        .toList();
    Map<UUID, Map<String, Long>> attempts = dao.endedAttempts(orgId, campaign.id()).stream()
        .collect(Collectors.groupingBy(CampaignReportDao.AttemptCount::batchId, Collectors.toMap(
            CampaignReportDao.AttemptCount::disposition, CampaignReportDao.AttemptCount::n, Long::sum, LinkedHashMap::new)));
    List<CampaignReportWriter.Batch> batches = dao.batches(orgId, campaign.id()).stream()
        .map(b -> new CampaignReportWriter.Batch(b.name(), b.status(), b.contactsCount(), b.started(), b.finished(),
            attempts.getOrDefault(b.id(), Map.of())))
        .toList();
    List<CampaignReportWriter.Wave> waves = dao.waves(orgId, campaign.id()).stream()
        .map(w -> new CampaignReportWriter.Wave(w.name(), w.channel(), w.status(), w.sent(), w.skipped(), w.failed(),
            w.pauseReason()))
        .toList();
    return new CampaignReportWriter.Report(summary, days, batches, waves);
  }

  /** A JSON object of counts, as the roll-up and the quotas store them; anything not a number is left out. */
  private Map<String, Long> counts(String value) {
    try {
      Map<String, Long> counts = new LinkedHashMap<>();
      json.readTree(value).fields().forEachRemaining(e -> {
        if (e.getValue().isNumber()) {
          counts.put(e.getKey(), e.getValue().asLong());
        }
      });
      return counts;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
