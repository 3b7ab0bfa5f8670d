package dev.vocero.workers.temporal;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.workflows.WorkflowNamesDao;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.audio.AudioProcessingInput;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.campaigns.CampaignInput;
import dev.vocero.workflows.chat.ConversationInput;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.common.WorkflowLabels;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import dev.vocero.workflows.messaging.ReplyActivities.RecordedMessage;
import dev.vocero.workflows.messaging.WaveInput;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor.WorkflowStartInput;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every workflow this process's client starts (API requests, campaign activities, {@code dev} restarts) its
 * {@link WorkflowLabels}: the names are read from PostgreSQL here, in one place, instead of being threaded through
 * every caller. A start whose names cannot be read goes ahead unlabelled rather than fail.
 */
public final class WorkflowLabeler extends WorkflowClientInterceptorBase {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowLabeler.class);
  private final Jdbi jdbi;

  public WorkflowLabeler(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
    return new WorkflowClientCallsInterceptorBase(next) {
      @Override
      public WorkflowStartOutput start(WorkflowStartInput input) {
        return super.start(labelled(input));
      }

      @Override
      public <R> WorkflowUpdateWithStartOutput<R> updateWithStart(WorkflowUpdateWithStartInput<R> input) {
        return super.updateWithStart(
            new WorkflowUpdateWithStartInput<>(labelled(input.getWorkflowStartInput()), input.getStartUpdateInput()));
      }
    };
  }

  WorkflowStartInput labelled(WorkflowStartInput input) {
    WorkflowOptions options = input.getOptions();
    if (options.getStaticSummary() != null || input.getArguments().length != 1) {
      return input;
    }
    WorkflowLabels labels;
    try {
      labels = labels(input.getArguments()[0], options.getTypedSearchAttributes());
    } catch (RuntimeException e) {
      LOG.warn("Workflow {} starts without summary and memo: its names could not be read ({})", input.getWorkflowId(),
          e.getClass().getSimpleName());
      return input;
    }
    if (labels == null) {
      return input;
    }
    return new WorkflowStartInput(input.getWorkflowId(), input.getWorkflowType(), input.getHeader(),
        input.getArguments(), labels.applyTo(WorkflowOptions.newBuilder(options)).build());
  }

  /** The labels for a workflow started with this input; null for a workflow Vocero does not know. */
  WorkflowLabels labels(Object input, SearchAttributes attributes) {
    return SharedDaos.of(jdbi).with(WorkflowNamesDao.class, names -> {
      if (input instanceof CallBatchInput batch) {
        return WorkflowLabels.batch(org(names, batch.orgId()), names.batch(batch.batchId()).orElse(null),
            campaign(names, attributes));
      }
      if (input instanceof AudioProcessingInput audio) {
        return WorkflowLabels.recording(org(names, audio.orgId()), names.recording(audio.audioId()).orElse(null), null);
      }
      if (input instanceof CampaignInput campaign) {
        return WorkflowLabels.campaign(org(names, campaign.orgId()), names.campaign(campaign.campaignId()).orElse(null));
      }
      if (input instanceof WaveInput wave) {
        return WorkflowLabels.wave(org(names, wave.orgId()), names.wave(wave.waveId()).orElse(null),
            campaign(names, attributes));
      }
      if (input instanceof ConversationInput chat) {
        return WorkflowLabels.plain("chat", "Chat conversation about recordings", org(names, chat.orgId()));
      }
      if (input instanceof InboundMessage inbound) {
        return WorkflowLabels.plain("reply", "Automatic reply to an inbound message", org(names, inbound.orgId()));
      }
      if (input instanceof RecordedMessage message) {
        return WorkflowLabels.plain("operator-message", "Message written by an operator", org(names, message.orgId()));
      }
      if (input instanceof DeliveryRequest delivery) {
        return WorkflowLabels.plain("webhook", "Webhook delivery of a business event", org(names, delivery.orgId()));
      }
      return null;
    });
  }

  private static String org(WorkflowNamesDao names, UUID orgId) {
    return names.organisation(orgId).orElse(null);
  }

  private static String campaign(WorkflowNamesDao names, SearchAttributes attributes) {
    String campaignId = attributes == null ? null : attributes.get(VoceroSearchAttributes.CAMPAIGN_ID);
    return campaignId == null ? null : names.campaign(UUID.fromString(campaignId)).orElse(null);
  }
}
