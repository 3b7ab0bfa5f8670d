package dev.vocero.api.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.credits.MessageCredits;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.temporal.client.WorkflowClient;
import org.jdbi.v3.core.Jdbi;

/** Registers the messaging endpoints: waves, message log, conversations, automatic replies and Twilio Messaging webhooks. */
public final class MessagingApi {
  private MessagingApi() {}

  public static void register(JerseyEnvironment jersey, ObjectMapper json, Jdbi jdbi, WorkflowClient temporal,
      TelephonyWebhooks webhooks, CreditPrices prices) {
    jersey.register(new MessageWaveResource(new MessageWaveService(jdbi, new MessageWaves(temporal), json)));
    ConversationReplies replies = new ConversationReplies(temporal);
    jersey.register(new ConversationResource(jdbi, replies));
    jersey.register(new AutoReplyResource(jdbi, json));
    jersey.register(new MessagingWebhookResource(jdbi, webhooks, json, new MessageCredits(jdbi, prices), replies));
  }
}
