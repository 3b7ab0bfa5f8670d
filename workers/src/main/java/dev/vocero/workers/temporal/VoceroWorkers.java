package dev.vocero.workers.temporal;

import dev.vocero.workers.config.WorkerConfig;
import dev.vocero.workflows.audio.AudioActivities;
import dev.vocero.workflows.audio.AudioProcessingWorkflowImpl;
import dev.vocero.workflows.audio.ExtractionActivities;
import dev.vocero.workflows.calls.BatchActivities;
import dev.vocero.workflows.calls.CallBatchWorkflowImpl;
import dev.vocero.workflows.calls.ContactCallActivities;
import dev.vocero.workflows.calls.ContactCallWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/** The worker factory polling Vocero's task queues; started after the search attributes exist. */
public class VoceroWorkers implements Managed {
  private final TemporalConnection temporal;
  private final WorkerFactory factory;

  /** The activity implementations this process hosts. */
  public record Activities(AudioActivities audio, ExtractionActivities extraction, BatchActivities batch,
      ContactCallActivities calls) {}

  public VoceroWorkers(TemporalConnection temporal, WorkerConfig config, Activities activities) {
    this.temporal = temporal;
    this.factory = WorkerFactory.newInstance(temporal.client());
    Worker workflows = factory.newWorker(TaskQueues.WORKFLOWS, WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(config.getMaxConcurrentWorkflowTasks()).build());
    workflows.registerWorkflowImplementationTypes(
        AudioProcessingWorkflowImpl.class, CallBatchWorkflowImpl.class, ContactCallWorkflowImpl.class);
    workflows.registerActivitiesImplementations(activities.audio()); // status writes run as local activities
    Worker ai = factory.newWorker(TaskQueues.AI, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentAiActivities()).build());
    ai.registerActivitiesImplementations(activities.audio(), activities.extraction());
    Worker io = factory.newWorker(TaskQueues.IO, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentIoActivities()).build());
    io.registerActivitiesImplementations(activities.audio(), activities.extraction(), activities.batch(),
        activities.calls());
    Worker telephony = factory.newWorker(TaskQueues.TELEPHONY, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(config.getMaxConcurrentTelephonyActivities()).build());
    telephony.registerActivitiesImplementations(activities.calls());
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
