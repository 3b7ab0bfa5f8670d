package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.MessageActivities;
import dev.vocero.workflows.messaging.MessageWaveWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class CampaignTestSupport {
  static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  /** Monday 2 March 2026, 06:00 in Bogotá. */
  static final Instant MONDAY_6AM = LocalDateTime.of(2026, 3, 2, 6, 0).atZone(BOGOTA).toInstant();
  static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

  private CampaignTestSupport() {}

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder().setDoNotStart(true)
        .setInitialTime(MONDAY_6AM);
    for (SearchAttributeKey<String> key : VoceroSearchAttributes.ALL) {
      builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return builder.build();
  }

  static void start(TestWorkflowEnvironment env, CampaignActivities activities) {
    start(env, activities, null);
  }

  /** With {@code messages}, the real wave workflow runs too, sending through that fake. */
  static void start(TestWorkflowEnvironment env, CampaignActivities activities, MessageActivities messages) {
    Worker workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(CampaignWorkflowImpl.class, SimulatedBatchWorkflow.class,
        MessageWaveWorkflowImpl.class);
    // batches run on their own queue, as in production (CampaignBatchControl starts them there)
    env.newWorker(TaskQueues.BATCHES).registerWorkflowImplementationTypes(SimulatedBatchWorkflow.class);
    Worker io = env.newWorker(TaskQueues.IO);
    io.registerActivitiesImplementations(activities, new ControlActivities(env.getWorkflowClient()));
    if (messages != null) {
      io.registerActivitiesImplementations(messages);
      env.newWorker(TaskQueues.TELEPHONY).registerActivitiesImplementations(messages);
    }
    env.start();
  }

  static BatchSettings pace(double callsPerSecond) {
    return new BatchSettings(callsPerSecond, 10, 1, Map.of(), "CO", List.of(), 0, 600, 0);
  }

  static CampaignBatch batch(int contacts, double callsPerSecond) {
    UUID id = UUID.randomUUID();
    SimulatedBatchWorkflow.SIZES.put(id, contacts);
    return CampaignBatch.attached(id, pace(callsPerSecond));
  }

  static CampaignSchedule schedule(String start, String end, List<String> weekdays, String from, String to) {
    return new CampaignSchedule(start, end, weekdays, from, to, BOGOTA.getId());
  }

  static CampaignSchedule schedule(String start, String end, List<String> weekdays, String from, String to,
      ZoneId zone) {
    return new CampaignSchedule(start, end, weekdays, from, to, zone.getId());
  }

  static CampaignWorkflow stub(WorkflowClient client, UUID campaignId) {
    return client.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CampaignIds.campaignWorkflowId(campaignId))
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, ORG.toString())
            .set(VoceroSearchAttributes.KIND, CampaignIds.CAMPAIGN_KIND)
            .set(VoceroSearchAttributes.CAMPAIGN_ID, campaignId.toString())
            .set(VoceroSearchAttributes.STATUS, CampaignState.SCHEDULED.wire())
            .build())
        .build());
  }
}
