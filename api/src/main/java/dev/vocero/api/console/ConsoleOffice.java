package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.alerts.AlertRuleResource;
import dev.vocero.api.alerts.WebhookResource;
import dev.vocero.api.audio.KeywordResource;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.OrganizationResource;
import dev.vocero.api.auth.UsersResource;
import dev.vocero.api.calls.DncResource;
import dev.vocero.api.extraction.ExtractorResource;
import dev.vocero.api.messaging.AutoReplyResource;
import dev.vocero.api.messaging.ConversationReplies;
import dev.vocero.api.messaging.ConversationResource;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jersey.validation.Validators;
import io.temporal.client.WorkflowClient;
import jakarta.validation.Validator;
import org.jdbi.v3.core.Jdbi;

/**
 * The console's messages, settings and users pages (docs/console.md), over the same REST resources as the API. The
 * session, CSRF and audit filters are {@link Console}'s.
 */
public final class ConsoleOffice {
  private ConsoleOffice() {}

  public static void register(JerseyEnvironment jersey, AccountService accounts, Jdbi jdbi, ObjectMapper json,
      WorkflowClient temporal) {
    Pages pages = new Pages();
    Validator validator = Validators.newValidator();
    jersey.register(new MessagePages(new ConversationResource(jdbi, new ConversationReplies(temporal)), validator, jdbi,
        pages));
    jersey.register(new SettingsPages(new SettingsPages.Resources(new KeywordResource(jdbi), new DncResource(jdbi),
        new AutoReplyResource(jdbi, json), new OrganizationResource(jdbi), new AlertRuleResource(jdbi),
        new ExtractorResource(jdbi, json), new WebhookResource(jdbi)), validator, jdbi, pages));
    jersey.register(new UserPages(new UsersResource(accounts, jdbi), validator, pages));
  }
}
