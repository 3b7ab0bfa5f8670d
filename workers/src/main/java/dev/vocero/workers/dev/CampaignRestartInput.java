package dev.vocero.workers.dev;

import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.store.dev.UnfinishedWorkDao.CampaignDays;
import dev.vocero.workflows.campaigns.CampaignBatch;
import dev.vocero.workflows.campaigns.CampaignInput;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import dev.vocero.workflows.campaigns.CampaignState;
import dev.vocero.workflows.campaigns.CampaignWave;
import java.util.List;
import java.util.Map;

/** A live campaign's workflow input, rebuilt from PostgreSQL when {@code vocero dev} starts it again. */
final class CampaignRestartInput {
  private CampaignRestartInput() {}

  /**
   * The one place that maps the campaign's rows to its input. {@code batches}: each as the campaign should see it
   * (launched, and held when open: the batches were started again paused, and the campaign releases them inside its
   * window); {@code waves} likewise, except those never started (held in PostgreSQL), which the campaign starts.
   */
  static CampaignInput from(CampaignRow row, List<CampaignBatch> batches, List<CampaignWave> waves,
      Map<String, Integer> messageQuotas, CampaignDays days) {
    CampaignSchedule schedule = new CampaignSchedule(row.startDate().toString(), row.endDate().toString(),
        row.weekdays(), row.windowStart().toString(), row.windowEnd().toString(), row.timeZone());
    return new CampaignInput(row.orgId(), row.id(), schedule, row.dailyQuota(), batches,
        CampaignState.fromWire(row.state()), days.daysRun(),
        days.lastDay() == null ? null : days.lastDay().toString(), waves, messageQuotas,
        "paused".equals(row.state()) ? row.pauseReason() : null);
  }
}
