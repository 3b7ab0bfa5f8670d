package dev.vocero.workers.dev;

import dev.vocero.workflows.campaigns.MemberStatus;
import dev.vocero.workflows.messaging.Channel;
import dev.vocero.workflows.messaging.WaveStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.campaigns.CampaignWorkflows;
import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.store.dev.UnfinishedWorkDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.campaigns.CampaignBatch;
import dev.vocero.workflows.campaigns.CampaignWave;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts again the workflow of every call batch, message wave and campaign that PostgreSQL shows unfinished, each from
 * where PostgreSQL says it stood (the embedded Temporal of {@code vocero dev} forgets everything when it stops):
 * <ul>
 *   <li>a batch goes on with the contacts that are not done (each contact's workflow settles its own cut-off call,
 *       see {@code ContactCallActivities.resumePoint}); a paused batch stays paused with its reason;</li>
 *   <li>a batch of a live campaign is started held (paused), and the campaign, started after it with the batch marked
 *       launched, releases it inside its window: the campaign never starts it from the beginning;</li>
 *   <li>a wave goes on after the last contact whose message was finished (sending is idempotent per wave and contact
 *       anyway); a held wave is started paused;</li>
 *   <li>a campaign goes on in its state (scheduled, running, paused), with the days it already rolled up.</li>
 * </ul>
 * Every start uses REJECT_DUPLICATE, so a workflow that is in fact running (an external Temporal) is left alone.
 */
public final class UnfinishedWork {
  static final int LIMIT = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(UnfinishedWork.class);

  /** What one start-up did, by kind. */
  public record Restarted(Tally batches, Tally waves, Tally campaigns) {
    public String describe() {
      return batches.started().size() + " batch(es), " + waves.started().size() + " wave(s), "
          + campaigns.started().size() + " campaign(s)";
    }
  }

  /** Ids started again; {@code running}: found already running and left alone; {@code failed}: could not start. */
  public record Tally(List<UUID> started, int running, int failed) {}

  private final Jdbi jdbi;
  private final WorkflowRestarts starts;
  private final CampaignWorkflows campaigns;
  private final ObjectMapper json;

  private UnfinishedWork(Jdbi jdbi, WorkflowClient client, ObjectMapper json) {
    this.jdbi = jdbi;
    this.starts = new WorkflowRestarts(client);
    this.campaigns = new CampaignWorkflows(client);
    this.json = json;
  }

  /** Batches first, so a campaign started after them finds its batches' workflows and only holds or releases them. */
  public static Restarted restart(Jdbi jdbi, WorkflowClient client, ObjectMapper json) {
    UnfinishedWork work = new UnfinishedWork(jdbi, client, json);
    UnfinishedWorkDao dao = jdbi.onDemand(UnfinishedWorkDao.class);
    Restarted restarted = new Restarted(
        work.each("batch", dao.batches(LIMIT), UnfinishedWorkDao.Batch::id, work::batch),
        work.each("wave", dao.waves(LIMIT), UnfinishedWorkDao.Wave::id, work::wave),
        work.each("campaign", dao.campaigns(LIMIT), CampaignRow::id, work::campaign));
    LOG.info("Restarted unfinished work from PostgreSQL: {}", restarted.describe());
    return restarted;
  }

  private void batch(UnfinishedWorkDao.Batch batch) {
    boolean held = batch.campaignId() != null;
    boolean paused = "paused".equals(batch.status()) || held;
    starts.batch(new CallBatchInput(batch.orgId(), batch.id(), settings(batch.settings()), 0, List.of(), batch.done(),
        batch.done(), paused, 0, 0, batch.pauseReason(), true), batch.campaignId());
    LOG.info("Batch {} started again: {} contacts already done{}", batch.id(), batch.done(),
        held ? ", held for campaign " + batch.campaignId() : paused ? ", still paused" : "");
  }

  private void wave(UnfinishedWorkDao.Wave wave) {
    // a campaign's wave is started held: its campaign, started after it, releases it inside its window
    WaveStatus status = "running".equals(wave.status()) && wave.campaignId() == null ? WaveStatus.RUNNING
        : WaveStatus.PAUSED;
    String reason = "paused".equals(wave.status()) ? wave.pauseReason() : null;
    starts.wave(new WaveInput(wave.orgId(), wave.id(), new WaveProgress(status, wave.sent(), wave.skipped(),
        wave.failed(), wave.lastContactId(), wave.perMinute(), reason)));
    LOG.info("Wave {} started again {}: {} sent, {} skipped, {} failed, going on after contact {}", wave.id(), status,
        wave.sent(), wave.skipped(), wave.failed(), wave.lastContactId());
  }

  private void campaign(CampaignRow row) {
    UnfinishedWorkDao dao = jdbi.onDemand(UnfinishedWorkDao.class);
    List<CampaignBatch> batches = new ArrayList<>();
    for (UnfinishedWorkDao.CampaignBatch batch : dao.campaignBatches(row.id())) {
      batches.add(new CampaignBatch(batch.batchId(), settings(batch.settings()), true, campaignStatus(batch.status()),
          batch.started(), batch.finished()));
    }
    List<CampaignWave> waves = new ArrayList<>();
    for (UnfinishedWorkDao.CampaignWave wave : dao.campaignWaves(row.id())) {
      boolean started = !"held".equals(wave.status()); // restarted held above; a held one was never started
      waves.add(new CampaignWave(wave.id(), Channel.fromWire(wave.channel()), wave.perMinute(), wave.sourceBatchId(),
          wave.disposition() != null, started, started ? campaignStatus(wave.status()) : MemberStatus.NEW, wave.sent(),
          wave.skipped(), wave.failed()));
    }
    campaigns.start(CampaignRestartInput.from(row, batches, waves, row.messageQuotaMap(json), dao.campaignDays(row.id())));
    LOG.info("Campaign {} started again {} with {} batch(es) and {} wave(s)", row.id(), row.state(), batches.size(),
        waves.size());
  }


  /** An open batch is held until the campaign releases it; an ended one stays ended. */
  private static MemberStatus campaignStatus(String batchStatus) {
    return switch (batchStatus) {
      case "running", "paused" -> MemberStatus.HELD;
      case "completed" -> MemberStatus.COMPLETED;
      default -> MemberStatus.CANCELLED;
    };
  }

  private BatchSettings settings(String settings) {
    try {
      return json.readValue(settings, BatchSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored batch settings are not readable: " + e.getOriginalMessage(), e);
    }
  }

  private <T> Tally each(String kind, List<T> items, java.util.function.Function<T, UUID> id,
      java.util.function.Consumer<T> start) {
    List<UUID> started = new ArrayList<>();
    int running = 0;
    int failed = 0;
    for (T item : items) {
      try {
        start.accept(item);
        started.add(id.apply(item));
      } catch (WorkflowExecutionAlreadyStarted e) {
        running++;
      } catch (RuntimeException e) {
        failed++;
        LOG.warn("Could not start the workflow of {} {} again: {}", kind, id.apply(item), e.getMessage());
      }
    }
    if (running > 0) {
      LOG.info("{} {} workflow(s) already running, left alone", running, kind);
    }
    return new Tally(List.copyOf(started), running, failed);
  }
}
