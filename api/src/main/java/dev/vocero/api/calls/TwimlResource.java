package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.domain.calls.ContactTemplate;
import dev.vocero.store.calls.DecisionDao;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What Twilio says when the contact answers: the batch script with the contact's variables, and a keypress
 * (1 confirms a payment promise, 2 asks for a call back) recorded as a decision of the attempt; or, when the batch
 * has an {@link AgentSettings agent}, the hand-off of the call to it.
 */
@Path("/twiml/calls/{attemptId}")
@Produces(MediaType.APPLICATION_XML)
public class TwimlResource {
  static final String DEFAULT_SCRIPT = "Hola {{name}}. Le llamamos sobre su saldo pendiente de {{amount}} con vencimiento"
      + " {{due_date}}. Si puede pagarlo, marque 1. Si prefiere que le llamemos más tarde, marque 2.";

  private final Jdbi jdbi;
  private final TelephonyWebhooks webhooks;
  private final ObjectMapper json;

  public TwimlResource(Jdbi jdbi, TelephonyWebhooks webhooks, ObjectMapper json) {
    this.jdbi = jdbi;
    this.webhooks = webhooks;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String answer(@PathParam("attemptId") UUID attemptId, @Context UriInfo uri,
      @HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) throws IOException {
    TwilioRequests.verified(webhooks, uri, signature, form);
    AttemptRow attempt = attempt(attemptId);
    ContactRow contact = SharedDaos.of(jdbi).with(ContactDao.class, dao -> dao.find(attempt.orgId(), attempt.contactId()))
        .orElseThrow(() -> ApiException.notFound("Call " + attemptId));
    BatchDao.Script script = SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.script(attempt.orgId(), attempt.batchId()))
        .orElse(new BatchDao.Script(null, "es-MX", null));
    Map<String, String> variables = variables(contact);
    if (script.agent() != null) {
      return AgentTwiml.handOff(json.readValue(script.agent(), AgentSettings.class), attemptId, variables);
    }
    String text = render(script.script() == null ? DEFAULT_SCRIPT : script.script(), variables);
    String action = webhooks.publicBaseUrl() + "/twiml/calls/" + attemptId + "/keypress";
    return AgentTwiml.xml(new VoiceResponse.Builder()
        .gather(new Gather.Builder().numDigits(1).timeout(8).method(HttpMethod.POST).action(action)
            .say(say(text, script.language())).build())
        .say(say("Gracias. Hasta luego.", script.language()))
        .build());
  }

  @POST
  @Path("/keypress")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String keypress(@PathParam("attemptId") UUID attemptId, @Context UriInfo uri,
      @HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
    TwilioRequests.verified(webhooks, uri, signature, form);
    AttemptRow attempt = attempt(attemptId);
    String digits = form.getFirst("Digits");
    String outcome = switch (digits == null ? "" : digits) {
      case "1" -> "payment_promise";
      case "2" -> "callback_request";
      default -> "keypress_" + (digits == null ? "none" : digits.replaceAll("[^0-9*#]", ""));
    };
    SharedDaos.of(jdbi).use(DecisionDao.class, dao -> dao.insert(attempt.orgId(), attempt.batchId(), attempt.contactId(),
        attempt.id(), "keypress", outcome));
    String reply = "payment_promise".equals(outcome) ? "Gracias, registramos su compromiso de pago."
        : "callback_request".equals(outcome) ? "De acuerdo, le llamaremos más tarde." : "Gracias.";
    return AgentTwiml.xml(new VoiceResponse.Builder().say(say(reply, "es-MX")).build());
  }

  /** The batch's free-form language tag (es-MX, es-CO…) as Twilio's language attribute. */
  private static Say say(String text, String language) {
    return new Say.Builder(text).option("language", language).build();
  }

  static String render(String template, Map<String, String> variables) {
    return ContactTemplate.render(template, variables);
  }

  private Map<String, String> variables(ContactRow contact) {
    return ContactTemplate.variables(contact.variables(), contact.name(), contact.amount(), contact.dueDate(),
        contact.document(), json);
  }

  private AttemptRow attempt(UUID attemptId) {
    return SharedDaos.of(jdbi).with(AttemptDao.class, dao -> dao.findForWebhook(attemptId))
        .orElseThrow(() -> ApiException.notFound("Call " + attemptId));
  }
}
