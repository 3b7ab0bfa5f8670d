package dev.vocero.workers.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Times each step of an audio's processing: every activity an {@code AudioProcessing} workflow runs, labelled with its
 * activity type ({@code AudioTranscribe}, {@code ExtractionExtract}…) and whether it succeeded; a bounded set of labels.
 */
public final class AudioStepTimer extends WorkerInterceptorBase {
  static final String AUDIO_WORKFLOW = "AudioProcessing";
  private final MeterRegistry registry;

  public AudioStepTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (info == null || !AUDIO_WORKFLOW.equals(info.getWorkflowType())) {
          return super.execute(input);
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
          ActivityOutput output = super.execute(input);
          outcome = "ok";
          return output;
        } finally {
          sample.stop(Timer.builder("vocero.audio.step")
              .description("Time an audio's processing spends in each step (one activity execution)")
              .tag("step", info.getActivityType()).tag("outcome", outcome)
              .register(registry));
        }
      }
    };
  }
}
