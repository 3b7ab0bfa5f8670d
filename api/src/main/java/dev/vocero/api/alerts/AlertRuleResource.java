package dev.vocero.api.alerts;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.alerts.RulePatterns;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.alerts.AlertRuleDao;
import dev.vocero.store.alerts.AlertRuleRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** The organization's alert rules: what in a call should raise an alert, and how severe it is. */
@Path("/api/v1/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRuleResource {
  static final int MAX_RULES = 200;

  private final Jdbi jdbi;

  public AlertRuleResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record RuleBody(
      @NotBlank @Size(max = 100) String name,
      @NotNull @Pattern(regexp = "keyword|regex|sentiment", message = "must be keyword, regex or sentiment") String kind,
      @Size(max = AlertRuleRow.MAX_PATTERN_CHARS) String pattern,
      @DecimalMin("-1") @DecimalMax("1") Double threshold,
      @Pattern(regexp = "agent|customer|any", message = "must be agent, customer or any") String speaker,
      @Min(1) @Max(600) Integer firstMinutes,
      @Min(1) @Max(600) Integer lastMinutes,
      Boolean inQuestion,
      @NotNull @Pattern(regexp = "low|medium|high|critical", message = "must be low, medium, high or critical") String severity,
      Boolean enabled) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<AlertViews.Rule> list(@Auth VoceroPrincipal caller) {
    return SharedDaos.of(jdbi).with(AlertRuleDao.class, dao -> dao.list(caller.orgId())).stream().map(AlertViews.Rule::of).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AlertViews.Rule get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return AlertViews.Rule.of(SharedDaos.of(jdbi).with(AlertRuleDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Alert rule " + id)));
  }

  @POST
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = AlertViews.Rule.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid RuleBody body) {
    AlertRuleRow rule = row(UUID.randomUUID(), caller, body);
    AlertRuleRow stored = jdbi.inTransaction(handle -> {
      AlertRuleDao dao = SharedDaos.attach(handle, AlertRuleDao.class);
      if (dao.count(caller.orgId()) >= MAX_RULES) {
        throw ApiException.unprocessable("too_many_rules",
            "An organization can have at most " + MAX_RULES + " alert rules; delete or edit an existing one.");
      }
      dao.insert(rule);
      return dao.find(caller.orgId(), rule.id()).orElseThrow();
    });
    return Response.created(URI.create("/api/v1/alert-rules/" + stored.id())).entity(AlertViews.Rule.of(stored)).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public AlertViews.Rule update(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid RuleBody body) {
    AlertRuleRow rule = row(id, caller, body);
    return AlertViews.Rule.of(jdbi.inTransaction(handle -> {
      AlertRuleDao dao = SharedDaos.attach(handle, AlertRuleDao.class);
      if (dao.update(rule) == 0) {
        throw ApiException.notFound("Alert rule " + id);
      }
      return dao.find(caller.orgId(), id).orElseThrow();
    }));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    if (SharedDaos.of(jdbi).with(AlertRuleDao.class, dao -> dao.delete(caller.orgId(), id)) == 0) {
      throw ApiException.notFound("Alert rule " + id);
    }
    return Response.noContent().build();
  }

  private AlertRuleRow row(UUID id, VoceroPrincipal caller, RuleBody body) {
    boolean sentiment = body.kind().equals("sentiment");
    String pattern = body.pattern() == null || body.pattern().isBlank() ? null : body.pattern();
    String speaker = body.speaker() == null ? "any" : body.speaker();
    boolean inQuestion = Boolean.TRUE.equals(body.inQuestion());
    if (sentiment) {
      requireSentimentShape(body, pattern, speaker, inQuestion);
    } else {
      if (pattern == null) {
        throw ApiException.unprocessable("pattern_required", "A " + body.kind() + " rule needs a pattern: the "
            + (body.kind().equals("keyword") ? "word or phrase" : "regular expression") + " to look for.");
      }
      if (body.threshold() != null) {
        throw ApiException.unprocessable("threshold_not_allowed", "threshold is only for sentiment rules.");
      }
      RulePatterns.problem(body.kind(), pattern).ifPresent(problem -> {
        throw ApiException.unprocessable("invalid_pattern", "The pattern cannot be used: " + problem + ".");
      });
    }
    return new AlertRuleRow(id, caller.orgId(), body.name().trim(), body.kind(), pattern, body.threshold(), speaker,
        body.firstMinutes(), body.lastMinutes(), inQuestion, body.severity(), !Boolean.FALSE.equals(body.enabled()),
        null, null);
  }

  private static void requireSentimentShape(RuleBody body, String pattern, String speaker, boolean inQuestion) {
    if (body.threshold() == null) {
      throw ApiException.unprocessable("threshold_required",
          "A sentiment rule needs a threshold between -1 and 1; it fires when the call's sentiment score is below it.");
    }
    if (pattern != null) {
      throw ApiException.unprocessable("pattern_not_allowed", "A sentiment rule has no pattern; remove it.");
    }
    if (!speaker.equals("any") || body.firstMinutes() != null || body.lastMinutes() != null || inQuestion) {
      throw ApiException.unprocessable("scope_not_supported",
          "A sentiment rule looks at the whole call: speaker, firstMinutes, lastMinutes and inQuestion do not apply.");
    }
  }
}
