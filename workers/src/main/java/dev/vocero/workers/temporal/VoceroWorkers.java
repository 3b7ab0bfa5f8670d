package dev.vocero.workers.temporal;

import dev.vocero.workers.config.WorkerConfig;
import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.WebhookActivities;
import dev.vocero.workflows.alerts.WebhookDeliveryWorkflowImpl;
import dev.vocero.workflows.audio.AudioActivities;
import dev.vocero.workflows.audio.AudioProcessingWorkflowImpl;
import dev.vocero.workflows.audio.ExtractionActivities;
import dev.vocero.workflows.calls.BatchActivities;
import dev.vocero.workflows.calls.CallAttemptActivities;
import dev.vocero.workflows.calls.CallBatchWorkflowImpl;
import dev.vocero.workflows.calls.CallCreditActivities;
import dev.vocero.workflows.calls.CallRecordingActivities;
import dev.vocero.workflows.calls.ContactCallActivities;
import dev.vocero.workflows.calls.ContactCallWorkflowImpl;
import dev.vocero.workflows.campaigns.CampaignActivities;
import dev.vocero.workflows.campaigns.CampaignBatchActivities;
import dev.vocero.workflows.campaigns.CampaignWaveActivities;
import dev.vocero.workflows.campaigns.CampaignWorkflowImpl;
import dev.vocero.workflows.chat.ChatActivities;
import dev.vocero.workflows.chat.ConversationWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import io.dropwizard.lifecycle.Managed;
import dev.vocero.workflows.messaging.MessageActivities;
import dev.vocero.workflows.messaging.MessageWaveWorkflowImpl;
import dev.vocero.workflows.messaging.InboundReplyWorkflowImpl;
import dev.vocero.workflows.messaging.OperatorMessageWorkflowImpl;
import dev.vocero.workflows.messaging.ReplyActivities;
import io.temporal.worker.Worker;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The worker factory polling Vocero's task queues; started after the search attributes exist. */
public class VoceroWorkers implements Managed {
  private final TemporalConnection temporal;
  private final WorkerConfig config;
  private final Activities activities;
  private final WorkerInterceptor[] interceptors;
  private final WorkerFactory factory;

  /** The activity implementations this process hosts. */
  public record Activities(AudioActivities audio, ExtractionActivities extraction, BatchActivities batch,
      ContactCallActivities calls, CallRecordingActivities recordings, ChatActivities chat, AlertActivities alerts,
      WebhookActivities webhooks, MessageActivities messages, CallCreditActivities credits,
      CampaignActivities campaigns, CampaignBatchActivities campaignBatches,
      CampaignWaveActivities campaignWaves, ReplyActivities replies, CallAttemptActivities attempts) {}

  public VoceroWorkers(TemporalConnection temporal, WorkerConfig config, Activities activities,
      WorkerInterceptor... interceptors) {
    this.temporal = temporal;
    this.config = config;
    this.activities = activities;
    this.interceptors = interceptors;
    this.factory = WorkerFactory.newInstance(temporal.client(),
        WorkerFactoryOptions.newBuilder().setWorkerInterceptors(interceptors).build());
    Worker workflows = factory.newWorker(TaskQueues.WORKFLOWS, workflowWorkerOptions(config));
    // a batch's own queue: its tasks do not queue behind its contact calls' (see docs/benchmarks.md#dispatchbenchmark)
    factory.newWorker(TaskQueues.BATCHES, workflowWorkerOptions(config))
        .registerWorkflowImplementationTypes(CallBatchWorkflowImpl.class);
    workflows.registerWorkflowImplementationTypes(
        AudioProcessingWorkflowImpl.class, CallBatchWorkflowImpl.class /* batches started before BATCHES */,
        ContactCallWorkflowImpl.class,
        ConversationWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class, MessageWaveWorkflowImpl.class,
        CampaignWorkflowImpl.class, InboundReplyWorkflowImpl.class, OperatorMessageWorkflowImpl.class);
    // status writes, the audio's PostgreSQL steps after transcription and the contact-call ones run as local activities
    workflows.registerActivitiesImplementations(activities.audio(), activities.extraction(), activities.alerts(),
        activities.calls(), activities.credits(), activities.attempts());
    Worker ai = factory.newWorker(TaskQueues.AI, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentAiActivities()).build());
    ai.registerActivitiesImplementations(activities.audio(), activities.extraction(), activities.chat(),
        activities.replies());
    Worker io = factory.newWorker(TaskQueues.IO, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentIoActivities()).build());
    // chat: retrieval and persistence on io, answering on ai
    io.registerActivitiesImplementations(activities.audio(), activities.extraction(), activities.batch(),
        activities.calls(), activities.recordings(), activities.chat(), activities.alerts(), activities.webhooks(),
        activities.messages(), activities.campaigns(), activities.campaignBatches(),
        activities.campaignWaves(), activities.replies());
    Worker telephony = factory.newWorker(TaskQueues.TELEPHONY, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentTelephonyActivities()).build());
    telephony.registerActivitiesImplementations(activities.calls(), activities.messages(), activities.replies());
  }

  private static WorkerOptions workflowWorkerOptions(WorkerConfig config) {
    return WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(config.getMaxConcurrentWorkflowTasks())
        .setDefaultDeadlockDetectionTimeout(TimeUnit.SECONDS.toMillis(config.getDeadlockDetectionSeconds()))
        .setStickyQueueScheduleToStartTimeout(Duration.ofSeconds(config.getStickyScheduleToStartSeconds())).build();
  }

  /** More workflow types on one of the workflow task queues, with its worker's settings; only before {@link #start()}. */
  public void registerWorkflowImplementationTypes(String taskQueue, Class<?>... types) {
    factory.getWorker(taskQueue).registerWorkflowImplementationTypes(types);
  }

  /** A new, not yet started set of workers for the same task queues, as a replacement process would start. */
  public VoceroWorkers replacement() {
    return new VoceroWorkers(temporal, config, activities, interceptors);
  }

  public boolean running() {
    return factory.isStarted() && !factory.isShutdown();
  }

  @Override
  public void start() {
    if (temporal != null) {
      SearchAttributeRegistrar.register(temporal);
    }
    factory.start();
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
